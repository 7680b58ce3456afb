package dev.followthrough.platform;

import java.util.List;

/**
 * One step of the pipeline: consumes a module event type in batches from a durable work queue
 * ({@code platform_work}). Every event of {@link #type()} published in a transaction (through Spring's
 * {@code ApplicationEventPublisher}) that {@link #accepts} is queued for this stage in the same
 * transaction; any node's workers claim up to a batch of them at once ({@code FOR UPDATE SKIP LOCKED}) and
 * call {@link #handle} inside the transaction that deletes them. Delivery is at least once (a batch that
 * fails is retried item by item, with backoff): {@code handle} must be idempotent.
 *
 * @param <E> the event type
 */
public interface Stage<E> {

  /** Unique and stable: it is stored with every queued item. */
  String name();

  Class<E> type();

  /** Decided in the producer's transaction: an event this stage would ignore is never queued. */
  default boolean accepts(E event) {
    return true;
  }

  /**
   * At most this many workers per node, whatever {@code workers-per-stage} says: a stage whose work already uses
   * every core (the embedder) gains nothing from a second one and only takes CPU from the others.
   */
  default int maxWorkers() {
    return Integer.MAX_VALUE;
  }

  /** Runs inside the batch's transaction; an exception rolls the whole batch back. */
  void handle(List<E> batch);

  /** A stage from its parts: {@code accepts} decided in the producer's transaction, {@code handle} per batch. */
  static <E> Stage<E> of(String name, Class<E> type, java.util.function.Predicate<E> accepts,
                         java.util.function.Consumer<List<E>> handle) {
    return new Stage<>() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Class<E> type() {
        return type;
      }

      @Override
      public boolean accepts(E event) {
        return accepts.test(event);
      }

      @Override
      public void handle(List<E> batch) {
        handle.accept(batch);
      }
    };
  }
}
