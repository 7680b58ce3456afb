package dev.followthrough.web;

import dev.followthrough.followup.CaseQueries.CaseView;
import dev.followthrough.responses.ResponseQueries.ResponseView;
import dev.followthrough.responses.ResponseQueries.Revision;
import dev.followthrough.triggers.TriggerDecision;
import java.time.ZoneId;
import java.util.List;

/**
 * One response with its earlier revisions, what the trigger rules decided for each revision (and
 * why), and the follow-up case it opened, if any.
 */
public record ResponseDetailView(ResponseView response, List<Revision> history, List<TriggerDecision> decisions,
                                 CaseView followUp, ZoneId zone) {}
