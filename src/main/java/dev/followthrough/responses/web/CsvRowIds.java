package dev.followthrough.responses.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Source ids for rows that bring none: a hash of the row's cells plus how many identical rows came
 * before it in the file. Importing the same file again yields the same ids, so a failed or repeated
 * import records nothing twice; two identical rows in one file (anonymous scores, say) stay two
 * responses. The ids do not depend on the mapping, so re-importing with a corrected mapping updates
 * the responses rather than adding new ones. Remembering what came before costs about 25 bytes per row
 * (25 MB for a million rows); everything else about an import is independent of the file's size.
 */
final class CsvRowIds {

  private final MessageDigest sha;
  private final byte[] separator = {0x1f};
  private long[] keys = new long[1024];
  private int[] counts = new int[1024];
  private int size;

  CsvRowIds() {
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  String idFor(List<String> fields) {
    int last = fields.size() - 1;
    while (last >= 0 && fields.get(last).isBlank()) last--; // a re-export that adds a trailing empty column is the same row
    for (int i = 0; i <= last; i++) {
      sha.update(fields.get(i).strip().getBytes(StandardCharsets.UTF_8));
      sha.update(separator);
    }
    byte[] digest = sha.digest();
    long key = 0;
    for (int i = 0; i < 8; i++) key = (key << 8) | (digest[i] & 0xff);
    int occurrence = increment(key);
    String id = "row:" + HexFormat.of().formatHex(digest, 0, 16);
    return occurrence == 1 ? id : id + "#" + occurrence;
  }

  /** An open-addressing long → int map: a HashMap would cost five times the memory. */
  private int increment(long key) {
    if (key == 0) key = 1; // 0 marks a free slot
    if (size * 2 >= keys.length) grow();
    int mask = keys.length - 1;
    int i = (int) (key ^ (key >>> 32)) & mask;
    while (keys[i] != 0 && keys[i] != key) i = (i + 1) & mask;
    if (keys[i] == 0) {
      keys[i] = key;
      size++;
    }
    return ++counts[i];
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldCounts = counts;
    keys = new long[oldKeys.length * 2];
    counts = new int[oldKeys.length * 2];
    int mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldKeys[j] == 0) continue;
      int i = (int) (oldKeys[j] ^ (oldKeys[j] >>> 32)) & mask;
      while (keys[i] != 0) i = (i + 1) & mask;
      keys[i] = oldKeys[j];
      counts[i] = oldCounts[j];
    }
  }
}
