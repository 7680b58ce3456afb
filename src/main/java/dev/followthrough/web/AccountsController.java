package dev.followthrough.web;

import dev.followthrough.reporting.NpsReports;
import dev.followthrough.reporting.NpsReports.AccountNps;
import dev.followthrough.reporting.ReportingSettings;
import dev.followthrough.responses.ResponseQueries;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class AccountsController {

  static final int PAGE_SIZE = 50;
  static final List<String> SORTS = List.of("arr", "nps", "renewal", "name", "responses");

  private final NpsReports reports;
  private final ResponseQueries responses;
  private final ZoneId zone;
  private final dev.followthrough.responses.AccountEvents accountEvents;

  AccountsController(NpsReports reports, ResponseQueries responses, ReportingSettings settings,
                     dev.followthrough.responses.AccountEvents accountEvents) {
    this.accountEvents = accountEvents;
    this.reports = reports;
    this.responses = responses;
    this.zone = settings.timeZone();
  }

  @GetMapping("/accounts")
  String accounts(@RequestParam Map<String, String> params, Model model, HttpServletRequest request,
                  HttpServletResponse response) {
    ConsoleFilter filter = ConsoleFilter.of(params);
    String sort = params.get("sort") != null && SORTS.contains(params.get("sort")) ? params.get("sort") : "arr";
    boolean desc = params.containsKey("dir") ? "desc".equals(params.get("dir")) : !sort.equals("name") && !sort.equals("renewal");
    var report = reports.accounts(filter.toResponseFilter(zone));
    List<AccountNps> sorted = report.accounts().stream().sorted(comparator(sort, desc)).toList();
    int pages = Math.max(1, (sorted.size() + PAGE_SIZE - 1) / PAGE_SIZE);
    int page = Math.max(1, Math.min(pages, ResponsesController.number(params.get("page"))));
    List<AccountNps> rows = sorted.subList((page - 1) * PAGE_SIZE, Math.min(sorted.size(), page * PAGE_SIZE));
    model.addAttribute("view", new AccountsView(filter, Dashboards.pickers(responses.facets()), report, rows, sort, desc,
        page, pages, zone));
    return Htmx.partial(request, response) ? "accounts/results" : "accounts/page";
  }

  /** One account's renewal and churn events. */
  @GetMapping("/accounts/{id}")
  String account(@org.springframework.web.bind.annotation.PathVariable String id, Model model) {
    var account = accountEvents.account(id)
        .orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
    model.addAttribute("account", account);
    model.addAttribute("events", accountEvents.list(account.id().toString()).orElse(List.of()));
    return "accounts/detail";
  }

  /** Sorts by the column; rows without a value (no ARR, no NPS, no renewal date) go last either way. */
  static Comparator<AccountNps> comparator(String sort, boolean desc) {
    Comparator<AccountNps> byName = Comparator.comparing(a -> a.name() == null ? a.externalId() : a.name(),
        String.CASE_INSENSITIVE_ORDER);
    Comparator<AccountNps> primary = switch (sort) {
      case "nps" -> nullsLast(a -> Double.isNaN(a.nps().nps()) ? null : a.nps().nps(), Comparator.<Double>naturalOrder(), desc);
      case "renewal" -> nullsLast(AccountNps::renewalDate, Comparator.<LocalDate>naturalOrder(), desc);
      case "responses" -> nullsLast(a -> a.nps().n(), Comparator.<Long>naturalOrder(), desc);
      case "name" -> desc ? byName.reversed() : byName;
      default -> nullsLast(AccountNps::arr, Comparator.<BigDecimal>naturalOrder(), desc);
    };
    return primary.thenComparing(byName);
  }

  private static <T> Comparator<AccountNps> nullsLast(java.util.function.Function<AccountNps, T> key,
                                                      Comparator<T> order, boolean desc) {
    return Comparator.comparing(key, Comparator.nullsLast(desc ? order.reversed() : order));
  }
}
