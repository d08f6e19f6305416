using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Published;

namespace SchoolSight.Core.Published;

/// <summary>
/// Writes published figures in bulk, inside the import's transaction, without tracking them: a national KS2 file is
/// about 16,000 schools × 40 columns. PostgreSQL gets new rows by binary COPY; SQLite by one prepared insert reused for
/// every row. Changed and removed figures are few on a re-import and are updated or deleted by id.
/// </summary>
internal sealed class PublishedFigureStore(AppDbContext db)
{
    public sealed record Existing(long Id, decimal? Value, string? Marker, long ImportId);

    /// <summary>An import that brought figures held: its file's name and the LAs it covered (null before coverage was kept).</summary>
    public sealed record Owner(string FileName, string? LaCodes);

    private readonly IEntityType _entity = db.Model.FindEntityType(typeof(PublishedFigure))!;

    /// <summary>The figures already held for one source (by measure prefix) and academic year, by area and measure.</summary>
    public async Task<Dictionary<(AreaKind, string, string), Existing>> LoadAsync(string prefix, int year, CancellationToken ct)
    {
        var like = prefix + ".";
        var rows = await db.PublishedFigures.AsNoTracking()
            .Where(f => f.AcademicYear == year && f.Measure.StartsWith(like))
            .Select(f => new { f.Id, f.AreaKind, f.AreaCode, f.Measure, f.Value, f.Marker, f.ImportId })
            .ToListAsync(ct);
        return rows.ToDictionary(r => (r.AreaKind, r.AreaCode, r.Measure), r => new Existing(r.Id, r.Value, r.Marker, r.ImportId));
    }

    /// <summary>The imports that brought <paramref name="figures"/>, with their files' names and coverage.</summary>
    public async Task<Dictionary<long, Owner>> OwnersAsync(IEnumerable<Existing> figures, CancellationToken ct)
    {
        var ids = figures.Select(f => f.ImportId).Distinct().ToList();
        var files = await db.Imports.AsNoTracking().Where(i => ids.Contains(i.Id)).Select(i => new { i.Id, i.FileName }).ToListAsync(ct);
        var coverage = await db.PublishedFileCoverages.AsNoTracking().Where(c => ids.Contains(c.ImportId)).ToDictionaryAsync(c => c.ImportId, c => c.LaCodes, ct);
        return files.ToDictionary(f => f.Id, f => new Owner(f.FileName, coverage.GetValueOrDefault(f.Id)));
    }

    public async Task InsertAsync(IReadOnlyList<PublishedValue> figures, int year, long importId, CancellationToken ct)
    {
        if (figures.Count == 0) return;
        if (db.Database.IsNpgsql())
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            var copy = $"COPY {Table} ({Column(nameof(PublishedFigure.AreaKind))}, {Column(nameof(PublishedFigure.AreaCode))}, " +
                       $"{Column(nameof(PublishedFigure.AcademicYear))}, {Column(nameof(PublishedFigure.Measure))}, {Column(nameof(PublishedFigure.Value))}, " +
                       $"{Column(nameof(PublishedFigure.Marker))}, {Column(nameof(PublishedFigure.ImportId))}) FROM STDIN (FORMAT BINARY)";
            await using var writer = await connection.BeginBinaryImportAsync(copy, ct);
            foreach (var f in figures)
            {
                await writer.StartRowAsync(ct);
                await writer.WriteAsync(f.AreaKind.ToString(), NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(f.AreaCode, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(year, NpgsqlDbType.Integer, ct);
                await writer.WriteAsync(f.Measure, NpgsqlDbType.Varchar, ct);
                if (f.Value is { } value) await writer.WriteAsync(value, NpgsqlDbType.Numeric, ct);
                else await writer.WriteNullAsync(ct);
                if (f.Marker is { } text) await writer.WriteAsync(text, NpgsqlDbType.Varchar, ct);
                else await writer.WriteNullAsync(ct);
                await writer.WriteAsync(importId, NpgsqlDbType.Bigint, ct);
            }
            await writer.CompleteAsync(ct);
            return;
        }

        await using var command = Command(
            $"INSERT INTO {Table} ({Column(nameof(PublishedFigure.AreaKind))}, {Column(nameof(PublishedFigure.AreaCode))}, " +
            $"{Column(nameof(PublishedFigure.AcademicYear))}, {Column(nameof(PublishedFigure.Measure))}, {Column(nameof(PublishedFigure.Value))}, " +
            $"{Column(nameof(PublishedFigure.Marker))}, {Column(nameof(PublishedFigure.ImportId))}) VALUES (@k, @c, @y, @m, @v, @x, @i)");
        var (kind, code, y, measure, v, marker, import) = (Add(command, "@k", DbType.String), Add(command, "@c", DbType.String),
            Add(command, "@y", DbType.Int32), Add(command, "@m", DbType.String), Add(command, "@v", DbType.Decimal),
            Add(command, "@x", DbType.String), Add(command, "@i", DbType.Int64));
        y.Value = year;
        import.Value = importId;
        foreach (var f in figures)
        {
            kind.Value = f.AreaKind.ToString();
            code.Value = f.AreaCode;
            measure.Value = f.Measure;
            v.Value = f.Value is { } value ? value : DBNull.Value;
            marker.Value = (object?)f.Marker ?? DBNull.Value;
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    public async Task UpdateAsync(IReadOnlyList<(long Id, PublishedValue Figure)> changes, long importId, CancellationToken ct)
    {
        if (changes.Count == 0) return;
        await using var command = Command(
            $"UPDATE {Table} SET {Column(nameof(PublishedFigure.Value))} = @v, {Column(nameof(PublishedFigure.Marker))} = @x, " +
            $"{Column(nameof(PublishedFigure.ImportId))} = @i WHERE {Column(nameof(PublishedFigure.Id))} = @id");
        var (v, marker, import, id) = (Add(command, "@v", DbType.Decimal), Add(command, "@x", DbType.String), Add(command, "@i", DbType.Int64),
            Add(command, "@id", DbType.Int64));
        import.Value = importId;
        foreach (var (figureId, figure) in changes)
        {
            v.Value = figure.Value is { } value ? value : DBNull.Value;
            marker.Value = (object?)figure.Marker ?? DBNull.Value;
            id.Value = figureId;
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    public async Task DeleteAsync(IReadOnlyList<long> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return;
        await using var command = Command($"DELETE FROM {Table} WHERE {Column(nameof(PublishedFigure.Id))} = @id");
        var id = Add(command, "@id", DbType.Int64);
        foreach (var figureId in ids)
        {
            id.Value = figureId;
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private string Table => Quote(_entity.GetTableName()!);

    private string Column(string property) =>
        Quote(_entity.FindProperty(property)!.GetColumnName(StoreObjectIdentifier.Table(_entity.GetTableName()!, _entity.GetSchema()))!);

    private static string Quote(string name) => $"\"{name.Replace("\"", "\"\"")}\"";

    private DbCommand Command(string sql)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
                              ?? throw new InvalidOperationException("Published figures are written inside the import's transaction.");
        return command;
    }

    private static DbParameter Add(DbCommand command, string name, DbType type)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
