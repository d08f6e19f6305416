using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Register;

namespace SchoolSight.Core.Imports.Gias;

/// <summary>
/// The schools an import compares the file with, without loading them all as entities: one query reads each held
/// school's URN, version and GIAS columns, each row of the file is compared column by column (those the file has) with
/// the school it names, and only the schools that differ, or that the file no longer lists and are still open, are
/// then loaded whole to be changed. A re-import of an unchanged file so loads no school at all.
/// </summary>
internal static class GiasHeldSchools
{
    /// <param name="ToChange">The held schools the plan may change (not tracked), by URN.</param>
    /// <param name="Unchanged">URNs of the file's rows whose school is held exactly so.</param>
    public sealed record Held(Dictionary<int, School> ToChange, IReadOnlySet<int> Unchanged);

    private sealed record Column(string Name, IProperty Property, ValueConverter? Converter, Type ProviderType)
    {
        public Func<SchoolDetails, object?> Get { get; } = Property.GetGetter().GetClrValue;

        public object? Read(DbDataReader reader, int ordinal)
        {
            if (reader.IsDBNull(ordinal)) return null;
            object value = ProviderType switch
            {
                _ when ProviderType == typeof(string) => reader.GetString(ordinal),
                _ when ProviderType == typeof(int) => reader.GetInt32(ordinal),
                _ when ProviderType == typeof(double) => reader.GetDouble(ordinal),
                _ when ProviderType == typeof(DateOnly) => reader.GetFieldType(ordinal) == typeof(string) ? DateOf(reader.GetString(ordinal)) : reader.GetFieldValue<DateOnly>(ordinal),
                _ when ProviderType == typeof(bool) => reader.GetBoolean(ordinal),
                _ when ProviderType == typeof(long) => reader.GetInt64(ordinal),
                _ => reader.GetValue(ordinal),
            };
            return Converter is { } c ? c.ConvertFromProvider(value) : value;
        }
    }

    /// <summary>A date SQLite keeps as text (yyyy-mm-dd), read without the general parser, which was half the comparing.</summary>
    private static DateOnly DateOf(string text) =>
        text is [var y1, var y2, var y3, var y4, '-', var m1, var m2, '-', var d1, var d2] && char.IsAsciiDigit(y1) && char.IsAsciiDigit(y2)
            && char.IsAsciiDigit(y3) && char.IsAsciiDigit(y4) && char.IsAsciiDigit(m1) && char.IsAsciiDigit(m2) && char.IsAsciiDigit(d1) && char.IsAsciiDigit(d2)
            ? new DateOnly((y1 - '0') * 1000 + (y2 - '0') * 100 + (y3 - '0') * 10 + (y4 - '0'), (m1 - '0') * 10 + (m2 - '0'), (d1 - '0') * 10 + (d2 - '0'))
            : DateOnly.Parse(text, CultureInfo.InvariantCulture);

    /// <param name="laCodes">The kept LAs' codes; null for every school held.</param>
    public static async Task<Held> ReadAsync(AppDbContext db, GiasFile file, IReadOnlyCollection<int>? laCodes, CancellationToken ct)
    {
        var rows = new Dictionary<int, GiasRow>(file.Rows.Count);
        foreach (var row in file.Rows) rows[row.Urn] = row;
        var notInFile = file.ColumnsNotInFile.Select(c => c.Property).ToHashSet();
        var (columns, status) = Columns(db.Model);
        var compared = columns.Select((c, i) => (Column: c, Ordinal: i + 2)).Where(c => !notInFile.Contains(c.Column.Property.Name)).ToList();

        var unchanged = new HashSet<int>();
        var versions = new Dictionary<int, int>();
        await using (var command = db.Database.GetDbConnection().CreateCommand())
        {
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var entity = db.Model.FindEntityType(typeof(School))!;
            var store = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var urn = Quote(entity.FindProperty(nameof(School.Urn))!.GetColumnName(store)!);
            var version = Quote(entity.FindProperty(nameof(School.Version))!.GetColumnName(store)!);
            command.CommandText = $"SELECT {urn}, {version}, {string.Join(", ", columns.Select(c => Quote(c.Name)))} FROM {Quote(entity.GetTableName()!)}" +
                (laCodes is null ? "" : $" WHERE {Quote(columns.Single(c => c.Property.Name == nameof(SchoolDetails.LaCode)).Name)} IN " +
                    $"({string.Join(", ", laCodes.DefaultIfEmpty(0).Select(code => code.ToString(CultureInfo.InvariantCulture)))})");
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var held = reader.GetInt32(0);
                if (rows.TryGetValue(held, out var row))
                {
                    if (Same(reader, row.Details, compared)) unchanged.Add(held);
                    else versions[held] = reader.GetInt32(1);
                }
                else if (status.Column.Read(reader, status.Ordinal) is not SchoolStatus.Closed) versions[held] = reader.GetInt32(1);
            }
        }

        var toChange = await LoadAsync(db, versions, ct);
        return new Held(toChange, unchanged);
    }

    private static bool Same(DbDataReader reader, SchoolDetails details, List<(Column Column, int Ordinal)> compared)
    {
        foreach (var (column, ordinal) in compared)
            if (!Equals(column.Read(reader, ordinal), column.Get(details))) return false;
        return true;
    }

    /// <summary>The schools to change, loaded whole; each must still be at the version compared, or the import is refused.</summary>
    private static async Task<Dictionary<int, School>> LoadAsync(AppDbContext db, Dictionary<int, int> versions, CancellationToken ct)
    {
        if (versions.Count == 0) return [];
        var urns = versions.Keys.ToList();
        var schools = await db.Schools.IgnoreQueryFilters().AsNoTracking().Where(s => urns.Contains(s.Urn)).ToDictionaryAsync(s => s.Urn, ct);
        if (schools.Count != versions.Count || schools.Values.Any(s => s.Version != versions[s.Urn]))
            throw new DbUpdateConcurrencyException("A school changed between being compared with the file and being loaded to change it.");
        return schools;
    }

    private static (List<Column> Columns, (Column Column, int Ordinal) Status) Columns(IModel model)
    {
        var entity = model.FindEntityType(typeof(School))!;
        var store = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.FindComplexProperty(nameof(School.Details))!.ComplexType.GetProperties()
            .Select(p =>
            {
                var converter = p.GetTypeMapping().Converter;
                var type = converter?.ProviderClrType ?? p.ClrType;
                return new Column(p.GetColumnName(store)!, p, converter, Nullable.GetUnderlyingType(type) ?? type);
            })
            .ToList();
        var status = columns.FindIndex(c => c.Property.Name == nameof(SchoolDetails.Status));
        return (columns, (columns[status], status + 2));
    }

    private static string Quote(string name) => $"\"{name.Replace("\"", "\"\"")}\"";
}
