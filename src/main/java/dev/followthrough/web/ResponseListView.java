package dev.followthrough.web;

import dev.followthrough.responses.ResponseQueries.Page;
import dev.followthrough.responses.ResponseQueries.ResponseView;
import java.time.ZoneId;

/** A page of responses, newest first; {@code page} counts from 1 as people do. */
public record ResponseListView(ConsoleFilter filter, DashboardView.Pickers pickers, Page<ResponseView> page, ZoneId zone,
                               boolean databaseEmpty) {
  public int number() {
    return page.page() + 1;
  }

  public int pages() {
    return (int) Math.max(1, (page.total() + page.size() - 1) / page.size());
  }

  public long firstShown() {
    return page.items().isEmpty() ? 0 : (long) page.page() * page.size() + 1;
  }

  public long lastShown() {
    return (long) page.page() * page.size() + page.items().size();
  }

  public String pageLink(int number) {
    return filter.link("/responses", "every", null, "page", number <= 1 ? null : String.valueOf(number));
  }
}
