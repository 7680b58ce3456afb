package dev.followthrough.responses.hooks;

import java.util.Locale;
import java.util.Optional;

/** The survey tools a source can be; each names its adapter, how it is verified and how to set it up. */
public enum Vendor {
  DELIGHTED("Delighted", new DelightedAdapter(),
      "X-Delighted-Webhook-Signature: sha256=hex(HMAC-SHA256(secret, body))",
      "In Delighted: Integrations → Webhooks, paste the URL, tick survey_response.created and .updated. Paste the "
          + "signing secret Delighted uses (your account's webhook secret) here as the source's secret.", false),
  WOOTRIC("Wootric / InMoment", new WootricAdapter(),
      "X-Wootric-Signature: sha1=hex(HMAC-SHA1(secret, body))",
      "In Wootric: Settings → Outgoing Webhooks, paste the URL, choose JSON or URL-encoded, tick response created/updated. "
          + "Paste the secret token from that page here as the source's secret.", false),
  TYPEFORM("Typeform", new TypeformAdapter(),
      "Typeform-Signature: sha256=base64(HMAC-SHA256(secret, body))",
      "In Typeform: Connect → Webhooks, add the URL, then Edit → Secret: paste this source's secret. Use an NPS question; "
          + "pass user_id (and account_id, account_name) as hidden fields.", false),
  SURVEYMONKEY("SurveyMonkey", new SurveyMonkeyAdapter(),
      "Sm-Signature: base64(HMAC-SHA1(api_key & api_secret, body))",
      "Create the webhook with POST /v3/webhooks (subscription_url = the URL). Set this source's secret to "
          + "<your app's API key>&<API secret>. SurveyMonkey sends only ids: deliveries are verified and logged, "
          + "answers are not fetched yet.", false),
  FORMBRICKS("Formbricks", new FormbricksAdapter(),
      "Standard Webhooks: webhook-signature v1 = base64(HMAC-SHA256(key, id.timestamp.body)), ≤ 5 minutes old",
      "In Formbricks: Configuration → Integrations → Webhooks, add the URL with responseCreated/Updated/Finished. Paste "
          + "the whsec_… secret Formbricks shows here; put the NPS question's id in the mapping 'score' (and 'comment').", false),
  ZENDESK("Zendesk", new ZendeskAdapter(),
      "X-Zendesk-Webhook-Signature: base64(HMAC-SHA256(secret, timestamp + body)), timestamp ≤ 5 minutes old",
      "In Zendesk Admin Center: Webhooks → create (POST, JSON) with the URL and copy its signing secret here. Notify it "
          + "from a trigger with {\"ticket_id\": \"{{ticket.id}}\", \"score\": \"<0-10 placeholder>\", "
          + "\"comment\": \"{{satisfaction.current_comment}}\", \"requester_id\": \"{{ticket.requester.external_id}}\", "
          + "\"requester_email\": \"{{ticket.requester.email}}\", \"organization_id\": \"{{ticket.organization.external_id}}\"}. "
          + "CSAT good/bad is ignored.", false),
  HUBSPOT("HubSpot", new HubSpotAdapter(),
      "X-HubSpot-Signature-v3: base64(HMAC-SHA256(client secret, method + URL + body + timestamp)), ≤ 5 minutes old",
      "In a HubSpot workflow on feedback submissions, add \"Send a webhook\" (POST) to the URL, including the properties "
          + "hs_response_value, hs_content, hs_survey_type, hs_submission_timestamp and email; paste your app's client "
          + "secret here. Set the public base URL: HubSpot signs the URL it called.", false),
  RETENTLY("Retently", new RetentlyAdapter(),
      "token: ?token=<secret> or Authorization: Bearer <secret> (Retently does not sign)",
      "In Retently: Settings → Integrations → Webhooks, paste the URL with ?token=… as shown.", true),
  QUALTRICS("Qualtrics", new QualtricsAdapter(),
      "token: ?token=<secret> (Qualtrics does not sign plain event subscriptions)",
      "Subscribe to surveyengine.completedResponse.<SurveyID> with the URL (it includes ?token=…), or post from a "
          + "workflow web-service task (form-encoded) adding Score=${q://QID1/ChoiceNumericEntryValue}, Comment, Email, "
          + "ExternalReference, AccountID.", true),
  GENERIC("Generic JSON", new GenericAdapter(),
      "Standard Webhooks headers when the sender signs, else token (?token=, Authorization: Bearer)",
      "Post JSON; map each field with a JSON pointer below (defaults: /score, /id, /comment, /email, /externalId, "
          + "/name, /accountId, /accountName, /respondedAt). Sign with Standard Webhooks using this secret, or send it "
          + "as a bearer token.", true);

  private final String label;
  private final VendorAdapter adapter;
  private final String scheme;
  private final String hint;
  private final boolean tokenInUrl;

  Vendor(String label, VendorAdapter adapter, String scheme, String hint, boolean tokenInUrl) {
    this.label = label;
    this.adapter = adapter;
    this.scheme = scheme;
    this.hint = hint;
    this.tokenInUrl = tokenInUrl;
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String label() {
    return label;
  }

  public VendorAdapter adapter() {
    return adapter;
  }

  /** How deliveries are authenticated, in one line. */
  public String scheme() {
    return scheme;
  }

  /** What to do in the vendor's settings. */
  public String hint() {
    return hint;
  }

  /** The URL to paste carries {@code ?token=}: the vendor cannot sign. */
  public boolean tokenInUrl() {
    return tokenInUrl;
  }

  public static Optional<Vendor> parse(String s) {
    if (s == null) return Optional.empty();
    for (Vendor v : values()) if (v.key().equalsIgnoreCase(s.strip())) return Optional.of(v);
    return Optional.empty();
  }
}
