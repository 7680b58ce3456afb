/**
 * Platform: security (users, roles, API keys, login lockout, rate limits on the public doors, the
 * append-only {@link dev.followthrough.platform.Audit audit log}, secrets sealed at rest by
 * {@link dev.followthrough.platform.SecretBox}), configuration, errors as problem+json, the clock and
 * the database (embedded PostgreSQL by default, an external one by URL). Depends on no business
 * module; every business module may use its root-package API ({@link dev.followthrough.platform.Problems},
 * {@link dev.followthrough.platform.FollowthroughSettings}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dev.followthrough.platform;
