package dev.followthrough.responses.demo;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Word lists for invented companies and people. Company names are built from uncommon roots so they read like real
 * firms without naming one; every domain ends in the reserved {@code .example} TLD, so no demo email can ever reach a
 * real inbox, whatever a later module does with it.
 */
final class DemoNames {

  private DemoNames() {}

  record Country(String code, String region, String legalSuffix, String names, String language, double localLanguageShare) {}

  static final List<Country> COUNTRIES = List.of(
      new Country("US", "NA", "Inc.", "en", "en", 0),
      new Country("US", "NA", "", "en", "en", 0),
      new Country("US", "NA", "LLC", "en", "en", 0),
      new Country("CA", "NA", "Inc.", "en", "en", 0),
      new Country("GB", "EMEA", "Ltd", "en", "en", 0),
      new Country("DE", "EMEA", "GmbH", "de", "de", 0.55),
      new Country("FR", "EMEA", "SAS", "fr", "fr", 0.55),
      new Country("NL", "EMEA", "B.V.", "nl", "en", 0),
      new Country("ES", "EMEA", "S.L.", "es", "es", 0.5),
      new Country("SE", "EMEA", "AB", "sv", "en", 0),
      new Country("IE", "EMEA", "Ltd", "en", "en", 0),
      new Country("AU", "APAC", "Pty Ltd", "en", "en", 0),
      new Country("SG", "APAC", "Pte. Ltd.", "asia", "en", 0),
      new Country("IN", "APAC", "Pvt. Ltd.", "in", "en", 0),
      new Country("JP", "APAC", "K.K.", "jp", "en", 0),
      new Country("MX", "LATAM", "S.A. de C.V.", "es", "es", 0.6),
      new Country("BR", "LATAM", "Ltda.", "pt", "en", 0),
      new Country("AR", "LATAM", "S.A.", "es", "es", 0.6),
      new Country("CL", "LATAM", "SpA", "es", "es", 0.6));

  /** Relative weights of {@link #COUNTRIES}: most customers in North America, a strong EMEA, fewer elsewhere. */
  static final double[] COUNTRY_WEIGHTS = {20, 12, 4, 5, 12, 8, 5, 4, 3, 2, 2, 6, 3, 4, 2, 2, 2, 1, 1};

  static final Map<String, List<String>> INDUSTRY_WORDS = Map.ofEntries(
      Map.entry("Software", List.of("Labs", "Software", "Systems", "Cloud", "Digital")),
      Map.entry("Logistics", List.of("Freight", "Logistics", "Transport", "Shipping", "Cargo")),
      Map.entry("Healthcare", List.of("Health", "Medical", "Care", "Clinics", "Diagnostics")),
      Map.entry("Financial services", List.of("Capital", "Financial", "Insurance", "Wealth", "Lending")),
      Map.entry("Manufacturing", List.of("Manufacturing", "Industries", "Components", "Works", "Fabrication")),
      Map.entry("Retail", List.of("Goods", "Market", "Outfitters", "Retail", "Supply Co.")),
      Map.entry("Education", List.of("Learning", "Academy", "Education", "Schools")),
      Map.entry("Media", List.of("Media", "Studios", "Creative", "Publishing")),
      Map.entry("Professional services", List.of("Consulting", "Advisory", "Group", "Partners")),
      Map.entry("Construction", List.of("Construction", "Builders", "Engineering", "Contractors")),
      Map.entry("Energy", List.of("Energy", "Power", "Renewables", "Utilities")));

  static final List<String> INDUSTRIES = List.copyOf(new java.util.TreeSet<>(INDUSTRY_WORDS.keySet()));

  private static final List<String> ROOTS_A = List.of(
      "Alder", "Amber", "Ash", "Basalt", "Birch", "Bramble", "Calder", "Cinder", "Cobalt", "Corvid", "Cress",
      "Dapple", "Drumlin", "Ember", "Fennel", "Fjell", "Flint", "Gable", "Garnet", "Gorse", "Hazel", "Heron",
      "Hollin", "Indigo", "Juniper", "Kelp", "Kestrel", "Larch", "Linnet", "Loam", "Marl", "Merrow", "Moss",
      "Nettle", "Ochre", "Osier", "Pewter", "Quillon", "Rowan", "Russet", "Saffron", "Sedge", "Shale", "Sorrel",
      "Spindle", "Tamarack", "Teal", "Thistle", "Tansy", "Umber", "Vellum", "Wicker", "Whin", "Yarrow", "Zephyr");

  private static final List<String> ROOTS_B = List.of(
      "brook", "combe", "crest", "fold", "gate", "haven", "holm", "hurst", "kirk", "ley", "mark", "mere", "moor",
      "reach", "rigg", "shaw", "stead", "thorpe", "vale", "wick", "wold", "worth");

  private static final List<String> FOUNDERS = List.of(
      "Halloran", "Achterberg", "Brannigan", "Castellane", "Delacroix", "Eskildsen", "Farrow", "Gallagher",
      "Hartigan", "Ivers", "Kowalczyk", "Lindahl", "Mbeki", "Nakashima", "Okonjo", "Pemberton", "Quintero",
      "Rasmussen", "Sandoval", "Thorne", "Underhill", "Valdivia", "Whitcombe", "Yilmaz", "Zielinski");

  record Company(String name, String domain) {}

  static Company company(Random rng, String industry, Country country) {
    List<String> words = INDUSTRY_WORDS.get(industry);
    String sector = words.get(rng.nextInt(words.size()));
    // compounds and pairs, never a single surname or word plus a sector: those are too often somebody's real firm
    int pattern = rng.nextInt(10);
    String base;
    if (pattern < 6) {
      base = pick(rng, ROOTS_A) + pick(rng, ROOTS_B) + " " + sector;
    } else if (pattern < 8) {
      String a = pick(rng, ROOTS_A);
      base = a + " & " + pick(rng, ROOTS_A.stream().filter(r -> !r.equals(a)).toList()) + " " + sector;
    } else {
      String a = pick(rng, FOUNDERS);
      base = a + " & " + pick(rng, FOUNDERS.stream().filter(f -> !f.equals(a)).toList())
          + (rng.nextBoolean() ? "" : " " + sector);
    }
    String name = country.legalSuffix().isEmpty() || rng.nextDouble() < 0.55 ? base : base + " " + country.legalSuffix();
    return new Company(name, slug(base) + ".example");
  }

  /** "Heron & Flint Consulting" → "heron-and-flint-consulting". */
  static String slug(String s) {
    return ascii(s).toLowerCase(Locale.ROOT).replace("&", " and ").replaceAll("[^a-z0-9]+", "-")
        .replaceAll("(^-+|-+$)", "");
  }

  static String ascii(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace("ß", "ss").replace("ø", "o");
  }

  // ---------------------------------------------------------------- people

  private static final Map<String, List<String>> FIRST = Map.of(
      "en", List.of("Emma", "Liam", "Olivia", "Noah", "Ava", "Ethan", "Sophie", "James", "Grace", "Ben", "Chloe",
          "Ryan", "Megan", "Tyler", "Hannah", "Jordan", "Rachel", "Kevin", "Laura", "Marcus", "Danielle", "Connor",
          "Tasha", "Andre", "Keisha", "Priya", "Omar", "Mei", "Carlos", "Fatima", "Jamal", "Lauren", "Derek",
          "Molly", "Brandon", "Nicole", "Sean", "Aoife", "Callum", "Imogen"),
      "de", List.of("Lukas", "Anna", "Jonas", "Lea", "Felix", "Katharina", "Maximilian", "Julia", "Tobias", "Sabine",
          "Florian", "Miriam", "Stefan", "Jana", "Matthias", "Franziska", "Jürgen", "Heike"),
      "fr", List.of("Camille", "Louis", "Manon", "Hugo", "Léa", "Julien", "Chloé", "Mathieu", "Élodie", "Antoine",
          "Pauline", "Thibault", "Margaux", "Nicolas", "Céline", "Baptiste"),
      "es", List.of("Lucía", "Javier", "María", "Alejandro", "Sofía", "Diego", "Carmen", "Pablo", "Valentina",
          "Andrés", "Isabel", "Mateo", "Paula", "Santiago", "Camila", "Rodrigo"),
      "pt", List.of("João", "Ana", "Pedro", "Beatriz", "Lucas", "Mariana", "Rafael", "Larissa", "Gustavo", "Fernanda"),
      "nl", List.of("Daan", "Sanne", "Bram", "Lotte", "Joris", "Femke", "Thijs", "Eva", "Ruben", "Anouk"),
      "sv", List.of("Erik", "Elin", "Oskar", "Maja", "Johan", "Linnea", "Anders", "Klara"),
      "in", List.of("Arjun", "Ananya", "Rohan", "Kavya", "Vikram", "Sneha", "Aditya", "Pooja", "Rahul", "Divya"),
      "jp", List.of("Haruto", "Yui", "Sota", "Aoi", "Kenji", "Yuki", "Takumi", "Sakura", "Daiki", "Mei"),
      "asia", List.of("Wei", "Jia Hui", "Marcus", "Siti", "Kai", "Li Ting", "Ravi", "Mei Ling", "Darren", "Nurul"));

  private static final Map<String, List<String>> LAST = Map.of(
      "en", List.of("Carter", "Nguyen", "Patel", "Brooks", "Sullivan", "Hayes", "Foster", "Reyes", "Coleman",
          "Murphy", "Kim", "Bennett", "Walsh", "Okafor", "Chen", "Morrison", "Price", "Jenkins", "Harper", "Delgado",
          "Fitzgerald", "Ward", "Abbott", "Lowe", "Shah", "Greene", "Daly", "Porter", "Vaughn", "Rahman"),
      "de", List.of("Müller", "Schneider", "Fischer", "Weber", "Becker", "Hoffmann", "Schäfer", "Koch", "Bauer",
          "Richter", "Wolf", "Neumann", "Krüger", "Zimmermann"),
      "fr", List.of("Martin", "Bernard", "Dubois", "Lefèvre", "Moreau", "Laurent", "Girard", "Roux", "Fontaine",
          "Chevalier", "Garnier", "Faure"),
      "es", List.of("García", "Fernández", "López", "Martínez", "Sánchez", "Romero", "Navarro", "Torres", "Ruiz",
          "Castillo", "Herrera", "Vargas", "Morales"),
      "pt", List.of("Silva", "Santos", "Oliveira", "Souza", "Costa", "Pereira", "Almeida", "Carvalho", "Ribeiro"),
      "nl", List.of("de Jong", "Jansen", "de Vries", "van Dijk", "Bakker", "Visser", "Smit", "Meijer", "Mulder"),
      "sv", List.of("Johansson", "Andersson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Berg"),
      "in", List.of("Sharma", "Iyer", "Reddy", "Nair", "Gupta", "Menon", "Kulkarni", "Rao", "Banerjee", "Joshi"),
      "jp", List.of("Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito", "Nakamura", "Kobayashi", "Yamamoto"),
      "asia", List.of("Tan", "Lim", "Ng", "Wong", "Lee", "Goh", "Rahman", "Chua", "Teo", "Abdullah"));

  static String personName(Random rng, String culture) {
    List<String> first = FIRST.getOrDefault(culture, FIRST.get("en"));
    List<String> last = LAST.getOrDefault(culture, LAST.get("en"));
    // even a German company employs people from elsewhere
    if (!culture.equals("en") && rng.nextDouble() < 0.15) return personName(rng, "en");
    return pick(rng, first) + " " + pick(rng, last);
  }

  static String emailLocalPart(String name, int style) {
    String[] parts = ascii(name).toLowerCase(Locale.ROOT).replaceAll("[^a-z ]", "").trim().split("\\s+");
    String first = parts[0];
    String last = String.join("", java.util.Arrays.copyOfRange(parts, 1, parts.length));
    return switch (style) {
      case 0 -> first + "." + last;
      case 1 -> first.charAt(0) + last;
      default -> first;
    };
  }

  static <T> T pick(Random rng, List<T> items) {
    return items.get(rng.nextInt(items.size()));
  }
}
