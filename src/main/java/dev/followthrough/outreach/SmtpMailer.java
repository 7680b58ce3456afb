package dev.followthrough.outreach;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.lang.reflect.Method;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Email over SMTP ({@code spring.mail.*}): a plain-text and an HTML part, and for customer email the
 * one-click unsubscribe headers of RFC 8058. A 5xx answer is permanent; anything else is worth
 * another try. Without {@code spring.mail.host} the {@link MailCatcher} takes its place.
 */
@Component
@org.springframework.context.annotation.Conditional(MailServer.Configured.class)
class SmtpMailer implements Transport {

  private final ObjectProvider<JavaMailSender> mail;
  private final OutreachSettings settings;

  SmtpMailer(ObjectProvider<JavaMailSender> mail, OutreachSettings settings) {
    this.mail = mail;
    this.settings = settings;
  }

  @Override
  public String channel() {
    return "email";
  }

  @Override
  public Result send(Outbox.Stored m) {
    return sendAll(java.util.List.of(m)).get(m.id());
  }

  /**
   * The whole batch over one SMTP session: Spring's {@link JavaMailSender#send(MimeMessage...)} connects once,
   * sends every message and reports the ones that failed, each with its own exception.
   */
  @Override
  public Map<java.util.UUID, Result> sendAll(java.util.List<Outbox.Stored> messages) {
    Map<java.util.UUID, Result> out = new java.util.LinkedHashMap<>();
    JavaMailSender sender = mail.getIfAvailable();
    if (sender == null) {
      messages.forEach(m -> out.put(m.id(), new Result.Temporary("no SMTP server configured (set spring.mail.host)")));
      return out;
    }
    Map<MimeMessage, java.util.UUID> built = new java.util.LinkedHashMap<>();
    for (Outbox.Stored m : messages) {
      try {
        built.put(message(sender, m), m.id());
      } catch (MessagingException e) {
        out.put(m.id(), new Result.Permanent("cannot build the message: " + text(e)));
      }
    }
    if (built.isEmpty()) return out;
    try {
      sender.send(built.keySet().toArray(MimeMessage[]::new));
      built.values().forEach(id -> out.put(id, new Result.Sent()));
    } catch (MailAuthenticationException e) {
      built.values().forEach(id -> out.put(id, new Result.Temporary("SMTP authentication failed: " + e.getMessage())));
    } catch (MailSendException e) {
      Map<Object, Exception> failed = e.getFailedMessages();
      built.forEach((message, id) -> {
        Exception x = failed.get(message);
        out.put(id, x == null && !failed.isEmpty() ? new Result.Sent() : classify(x == null ? e : x));
      });
    } catch (MailException e) {
      built.values().forEach(id -> out.put(id, new Result.Temporary(text(e))));
    }
    return out;
  }

  private static Result classify(Exception e) {
    int code = smtpCode(e);
    String reason = (code > 0 ? code + " " : "") + text(e);
    return code >= 500 && code < 600 ? new Result.Permanent(reason) : new Result.Temporary(reason);
  }

  private MimeMessage message(JavaMailSender sender, Outbox.Stored m) throws MessagingException {
    {
      MimeMessage message = sender.createMimeMessage();
      MimeMessageHelper h = new MimeMessageHelper(message, true, "UTF-8");
      h.setFrom(settings.from());
      h.setTo(m.recipient());
      if (m.customer() && !settings.replyTo().isBlank()) h.setReplyTo(settings.replyTo());
      h.setSubject(m.subject() == null ? "" : m.subject());
      h.setText(m.text() == null ? "" : m.text(), m.html() == null ? "<p></p>" : m.html());
      if (m.unsubscribeUrl() != null) {
        message.setHeader("List-Unsubscribe", "<" + m.unsubscribeUrl() + ">");
        message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
      }
      // the same id on every try: a receiver that saw a try which we think failed can drop the copy
      message.setHeader("X-Followthrough-Message", m.id().toString());
      message.saveChanges();
      message.setHeader("Message-ID", "<" + m.id() + "@followthrough>");
      return message;
    }
  }

  /** The SMTP reply code in the failure, if the server gave one (Angus' exceptions carry getReturnCode()). */
  static int smtpCode(Throwable e) {
    Set<Throwable> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    java.util.ArrayDeque<Throwable> todo = new java.util.ArrayDeque<>();
    todo.add(e);
    int best = -1;
    while (!todo.isEmpty()) {
      Throwable t = todo.poll();
      if (t == null || !seen.add(t)) continue;
      try {
        Method rc = t.getClass().getMethod("getReturnCode");
        Object v = rc.invoke(t);
        if (v instanceof Integer i && i > best) best = i;
      } catch (ReflectiveOperationException ignored) {
        // not an SMTP exception
      }
      if (t instanceof MailSendException mse) {
        for (Map.Entry<Object, Exception> f : mse.getFailedMessages().entrySet()) todo.add(f.getValue());
        for (Exception x : mse.getMessageExceptions()) todo.add(x);
      }
      if (t instanceof MessagingException me && me.getNextException() != null) todo.add(me.getNextException());
      if (t.getCause() != null) todo.add(t.getCause());
    }
    return best;
  }

  private static String text(Throwable e) {
    String s = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return s.length() > 500 ? s.substring(0, 500) : s;
  }
}
