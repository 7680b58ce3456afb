package dev.followthrough.platform;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

@ConfigurationProperties("followthrough.api")
public record ApiSettings(
    @DefaultValue("256KB") DataSize maxRequestSize,       // single JSON requests
    @DefaultValue("16MB") DataSize maxBatchRequestSize,   // /batch endpoints (up to 1,000 items)
    @DefaultValue("1000") int maxBatchItems,
    @DefaultValue("30s") Duration apiKeyCacheTtl) {}      // a revoked key stops working on other nodes within this
