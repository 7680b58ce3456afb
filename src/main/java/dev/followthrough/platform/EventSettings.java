package dev.followthrough.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How module events are delivered to their asynchronous listeners on this node.
 *
 * <p>Listeners run on a fixed pool with a queue in front of it, not on one virtual thread per event:
 * unbounded, hundreds of listener transactions at once each held a connection and a row lock while
 * waiting for one of two CPUs, and throughput collapsed (see docs/benchmarks.md). Queued events are
 * safe: each one is in the event publication registry until its listener commits, and is redelivered
 * after a crash.
 */
@ConfigurationProperties("followthrough.events")
public record EventSettings(
    @DefaultValue("8") int listenerThreads) {}         // asynchronous event listeners running at once on this node
