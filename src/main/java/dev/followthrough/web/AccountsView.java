package dev.followthrough.web;

import dev.followthrough.reporting.NpsReports;
import dev.followthrough.reporting.NpsReports.AccountNps;
import java.time.ZoneId;
import java.util.List;

/** One page of the account table, sorted by {@code sort}. */
public record AccountsView(ConsoleFilter filter, DashboardView.Pickers pickers, NpsReports.AccountReport report,
                           List<AccountNps> rows, String sort, boolean descending, int page, int pages,
                           ZoneId zone) {

  /** Link that sorts by {@code column}; clicking the current column flips the direction. */
  public String sortLink(String column) {
    boolean desc = column.equals(sort) ? !descending : !column.equals("name") && !column.equals("renewal");
    return filter.link("/accounts", "every", null, "sort", column, "dir", desc ? "desc" : "asc");
  }

  /** Value of {@code aria-sort} for a column header. */
  public String ariaSort(String column) {
    return column.equals(sort) ? (descending ? "descending" : "ascending") : null;
  }

  public String arrow(String column) {
    return column.equals(sort) ? (descending ? "\u2193" : "\u2191") : "\u2195";
  }

  public String pageLink(int number) {
    return filter.link("/accounts", "every", null, "sort", sort, "dir", descending ? "desc" : "asc", "page",
        number <= 1 ? null : String.valueOf(number));
  }
}
