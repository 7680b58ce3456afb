package dev.followthrough.web;

import dev.followthrough.outreach.Messages.MessageView;
import dev.followthrough.outreach.SlackChannels.SlackChannel;
import dev.followthrough.outreach.WebhookSubscriptions.Subscription;
import java.time.ZoneId;
import java.util.List;

/** The outreach page: dead letters with "retry", the latest messages, Slack channels and webhooks. */
public record OutreachView(List<MessageView> dead, List<MessageView> recent, List<SlackChannel> slack,
                           List<Subscription> webhooks, List<String> teams, List<String> eventTypes, boolean canWork,
                           boolean canManage, String notice, Subscription created, ZoneId zone) {}
