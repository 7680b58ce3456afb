package dev.followthrough.web;

import dev.followthrough.outreach.Links;
import dev.followthrough.platform.CustomerLanguages;
import dev.followthrough.responses.ContactDirectory;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The language of a customer page: the contact's (else its account's) {@code language} attribute, else
 * the browser's {@code Accept-Language}, else {@code followthrough.default-language}.
 */
@Component
class CustomerPages {

  private final MessageSource messages;
  private final CustomerLanguages languages;
  private final ContactDirectory contacts;
  private final Links links;

  CustomerPages(MessageSource messages, CustomerLanguages languages, ContactDirectory contacts, Links links) {
    this.messages = messages;
    this.languages = languages;
    this.contacts = contacts;
    this.links = links;
  }

  /** {@code known}: the contact's language (contact attribute, else account attribute), null when unknown. */
  CustomerText text(HttpServletRequest request, String known) {
    return CustomerText.of(messages, languages.forPage(request.getHeader("Accept-Language"), known));
  }

  /** No contact known (a broken link): the browser's language, else the default. */
  CustomerText text(HttpServletRequest request) {
    return text(request, null);
  }

  CustomerText forContact(HttpServletRequest request, Optional<UUID> contactId) {
    return text(request, contactId.flatMap(contacts::find).map(ContactDirectory.Member::language).orElse(null));
  }

  /** The contact a signed customer link (interview, survey) was made for. */
  Optional<UUID> contactOf(String token) {
    return links.verify(token).map(Links.Claims::contactId);
  }
}
