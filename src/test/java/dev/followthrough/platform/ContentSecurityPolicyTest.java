package dev.followthrough.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ContentSecurityPolicyTest {

  private static String cspFor(String frameAncestors, String path) {
    var req = new MockHttpServletRequest("GET", path);
    var res = new MockHttpServletResponse();
    new ContentSecurityPolicy(frameAncestors).writeHeaders(req, res);
    return res.getHeader("Content-Security-Policy");
  }

  @Test
  void configured_origins_may_frame_customer_pages_only() {
    assertThat(cspFor("https://www.example.com, https://help.example.com", "/s/token"))
        .endsWith("frame-ancestors https://www.example.com https://help.example.com");
    assertThat(cspFor("https://www.example.com", "/cases")).endsWith("frame-ancestors 'none'");
    assertThat(cspFor("", "/s/token")).endsWith("frame-ancestors 'none'");
    assertThat(cspFor("https://a.example; script-src *", "/s/token")).as("no directive smuggled in")
        .endsWith("frame-ancestors https://a.example").doesNotContain("*");
  }
}
