package org.smc4j.backtest.journal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.smc4j.trading.journal.JournalException;

/**
 * Exports one run of an SQLite journal to CSV files and to an Excel workbook: the tables {@code
 * signals}, {@code trades} and {@code cancellations}, one file or sheet each, with a header row.
 * Values are written as stored; numbers stay numbers in the workbook.
 */
public final class JournalExporter {

  /** The tables exported, in order. */
  public static final List<String> TABLES = List.of("signals", "trades", "cancellations");

  private JournalExporter() {}

  /**
   * Writes {@code <table>.csv} for each exported table into a folder (RFC 4180 quoting, UTF-8).
   *
   * @param journal the SQLite journal
   * @param runId the run to export
   * @param folder the folder, created if missing; files of the same name are replaced
   * @return the files written
   * @throws JournalException when the journal cannot be read or a file cannot be written
   */
  public static List<Path> exportCsv(Path journal, long runId, Path folder) {
    Objects.requireNonNull(folder, "folder");
    List<Path> written = new ArrayList<>();
    try (Connection c = openReadOnly(journal)) {
      Files.createDirectories(folder);
      for (String table : TABLES) {
        Path out = folder.resolve(table + ".csv");
        try (PreparedStatement ps = select(c, table, runId);
            ResultSet rs = ps.executeQuery();
            Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
          ResultSetMetaData md = rs.getMetaData();
          int n = md.getColumnCount();
          for (int k = 1; k <= n; k++) {
            w.write((k > 1 ? "," : "") + csv(md.getColumnName(k)));
          }
          w.write("\n");
          while (rs.next()) {
            for (int k = 1; k <= n; k++) {
              String v = rs.getString(k);
              w.write((k > 1 ? "," : "") + (v == null ? "" : csv(v)));
            }
            w.write("\n");
          }
        }
        written.add(out);
      }
    } catch (SQLException | IOException e) {
      throw new JournalException(
          "cannot export journal " + journal + " run " + runId + " to CSV: " + e.getMessage(), e);
    }
    return written;
  }

  /**
   * Writes one Excel workbook (.xlsx) with a sheet per exported table.
   *
   * @param journal the SQLite journal
   * @param runId the run to export
   * @param xlsx the workbook file; replaced if it exists
   * @return the file written
   * @throws JournalException when the journal cannot be read or the file cannot be written
   */
  public static Path exportXlsx(Path journal, long runId, Path xlsx) {
    Objects.requireNonNull(xlsx, "xlsx");
    try (Connection c = openReadOnly(journal);
        SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
      CellStyle header = wb.createCellStyle();
      Font bold = wb.createFont();
      bold.setBold(true);
      header.setFont(bold);
      for (String table : TABLES) {
        Sheet sheet = wb.createSheet(table);
        try (PreparedStatement ps = select(c, table, runId);
            ResultSet rs = ps.executeQuery()) {
          ResultSetMetaData md = rs.getMetaData();
          int n = md.getColumnCount();
          Row head = sheet.createRow(0);
          for (int k = 1; k <= n; k++) {
            Cell cell = head.createCell(k - 1);
            cell.setCellValue(md.getColumnName(k));
            cell.setCellStyle(header);
          }
          int r = 1;
          while (rs.next()) {
            Row row = sheet.createRow(r++);
            for (int k = 1; k <= n; k++) {
              Object v = rs.getObject(k);
              if (v == null) {
                continue;
              }
              Cell cell = row.createCell(k - 1);
              if (v instanceof Number num) {
                cell.setCellValue(num.doubleValue());
              } else {
                cell.setCellValue(v.toString());
              }
            }
          }
        }
      }
      Path parent = xlsx.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try (OutputStream out = Files.newOutputStream(xlsx)) {
        wb.write(out);
      }
    } catch (SQLException | IOException e) {
      throw new JournalException(
          "cannot export journal " + journal + " run " + runId + " to xlsx: " + e.getMessage(), e);
    }
    return xlsx;
  }

  private static Connection openReadOnly(Path journal) throws SQLException {
    Objects.requireNonNull(journal, "journal");
    if (!Files.isRegularFile(journal)) {
      throw new SQLException("no journal file at " + journal);
    }
    return DriverManager.getConnection("jdbc:sqlite:" + journal.toAbsolutePath());
  }

  private static PreparedStatement select(Connection c, String table, long runId)
      throws SQLException {
    // table comes from TABLES only, never from user input
    PreparedStatement ps =
        c.prepareStatement("SELECT * FROM " + table + " WHERE run_id = ? ORDER BY rowid");
    ps.setLong(1, runId);
    return ps;
  }

  static String csv(String value) {
    if (value.indexOf(',') < 0
        && value.indexOf('"') < 0
        && value.indexOf('\n') < 0
        && value.indexOf('\r') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }
}
