package dev.followthrough.web;

import dev.followthrough.responses.ResponseQueries.ResponseView;
import dev.followthrough.responses.ResponseQueries.Revision;
import java.time.ZoneId;
import java.util.List;

/** One response with its earlier revisions. */
public record ResponseDetailView(ResponseView response, List<Revision> history, ZoneId zone) {}
