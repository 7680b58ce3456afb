package dev.followthrough.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code followthrough.default-language}: the workspace's language for customer pages and emails when
 * neither the contact, nor its account, nor (on a page) the browser names one we speak.
 */
@ConfigurationProperties("followthrough")
public record LanguageSettings(@DefaultValue("en") String defaultLanguage) {}
