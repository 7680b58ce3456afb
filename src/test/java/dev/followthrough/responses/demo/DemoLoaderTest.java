package dev.followthrough.responses.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class DemoLoaderTest extends IntegrationTest {

  @Autowired DemoLoader loader;
  @Autowired dev.followthrough.platform.Users users;
  @Autowired dev.followthrough.responses.DemoStatus status;
  @Autowired org.springframework.security.crypto.password.PasswordEncoder encoder;

  @Test
  void the_demo_program_lands_through_the_intake_once_however_often_it_is_loaded() {
    DemoLoader.Loaded first = loader.load();
    assertThat(first.rejected()).isZero();
    assertThat(first.responses()).isBetween(6_000, 10_000);
    assertThat(status.progress().state()).isEqualTo(dev.followthrough.responses.DemoStatus.State.DONE);
    assertThat(status.progress().done()).isEqualTo(first.responses());
    // the account owners can sign in, so the cases they own alert a person
    assertThat(DemoProgram.owners()).hasSize(9).contains("Priya Raman");
    var priya = users.byEmail("priya.raman@" + DemoLoader.DEMO_DOMAIN).orElseThrow();
    assertThat(priya.displayName()).isEqualTo("Priya Raman");
    assertThat(priya.role()).isEqualTo(dev.followthrough.platform.Role.AGENT);
    assertThat(encoder.matches(DemoLoader.DEMO_PASSWORD, users.loadUserByUsername(priya.email()).getPassword())).isTrue();

    long total = demoResponses();
    assertThat(total).isEqualTo(first.responses());
    long demoAccounts = jdbc.sql("SELECT count(*) FROM responses_account WHERE demo").query(Long.class).single();
    assertThat(demoAccounts).isEqualTo(first.accounts());

    Reply detractors = get("/api/v1/responses?source=demo&tier=smb&category=detractor&size=5");
    assertThat(detractors.status()).as(detractors.toString()).isEqualTo(200);
    assertThat(detractors.json().get("total").asLong()).isPositive();
    assertThat(detractors.json().get("items").get(0).get("account").get("tier").asString()).isEqualTo("smb");

    DemoLoader.Loaded second = loader.load();
    assertThat(second.recorded()).isZero();
    assertThat(second.duplicates()).isEqualTo(second.responses());
    assertThat(demoResponses()).isEqualTo(total);
  }

  private long demoResponses() {
    Reply r = get("/api/v1/responses?source=demo&size=1");
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json().get("total").asLong();
  }
}
