using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using SchoolSight.Core.Data;

namespace SchoolSight.Core.Tests.Backups;

/// <summary>
/// Every row of every table of the model (and the migration history), read with plain SQL ordered by primary key,
/// each row as one line of text: two snapshots are equal when the databases hold the same data.
/// </summary>
public static class TableSnapshot
{
    public static async Task<SortedDictionary<string, List<string>>> TakeAsync(AppDbContext db)
    {
        var tables = db.Model.GetEntityTypes()
            .Where(e => e.GetTableName() is not null && e.FindPrimaryKey() is not null && !e.IsMappedToJson())
            .GroupBy(e => e.GetTableName()!)
            .Select(g =>
            {
                var entity = g.First();
                var store = StoreObjectIdentifier.Table(g.Key, entity.GetSchema());
                return (Table: g.Key, Key: entity.FindPrimaryKey()!.Properties.Select(p => p.GetColumnName(store)!).ToList());
            })
            .Append((Table: "__EFMigrationsHistory", Key: ["MigrationId"]))
            .ToList();

        var snapshot = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            foreach (var (table, key) in tables)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY {string.Join(", ", key.Select(k => $"\"{k}\""))}";
                await using var reader = await command.ExecuteReaderAsync();
                var rows = new List<string>();
                while (await reader.ReadAsync()) rows.Add(Row(reader));
                snapshot[table] = rows;
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return snapshot;
    }

    /// <summary>Every row as "table: row", tables in name order: easy to compare and to read in a failure.</summary>
    public static List<string> Lines(this SortedDictionary<string, List<string>> snapshot) =>
        [.. snapshot.SelectMany(t => t.Value.Select(row => $"{t.Key}: {row}"))];

    private static string Row(DbDataReader reader) =>
        string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => $"{reader.GetName(i)}={Value(reader.GetValue(i))}"));

    private static string Value(object value) => value switch
    {
        DBNull => "null",
        byte[] bytes => Convert.ToBase64String(bytes),
        DateTime time => time.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset time => time.ToString("O", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
