using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using NpgsqlTypes;

namespace SchoolSight.Core.Data;

/// <summary>
/// Writes many rows of one entity's table at once, inside the caller's transaction, without tracking them: the columns,
/// their names and value conversions come from the EF Core model (properties of complex types included), so a row
/// written here is the row <c>SaveChanges</c> would write. PostgreSQL gets new rows by binary COPY and changed rows by
/// COPY into a temporary table and one UPDATE; SQLite gets a prepared insert and a prepared update reused for every row. Nothing here writes the audit trail: the caller writes it (<see cref="BulkAudit"/>) in the same transaction.
/// </summary>
internal sealed class BulkTable
{
    private readonly AppDbContext _db;
    private readonly string _table;
    private readonly IReadOnlyList<Column> _insert;
    private readonly IReadOnlyList<Column> _key;
    private readonly IReadOnlyList<Column> _concurrency;
    private readonly IReadOnlyList<Column> _set;

    private sealed record Column(string Name, IProperty Property, ValueConverter? Converter, NpgsqlDbType PostgresType, RelationalTypeMapping Mapping)
    {
        public Type ProviderType => Converter?.ProviderClrType ?? Property.ClrType;

        public object Value(object entity) =>
            Property.GetGetter().GetClrValueUsingContainingEntity(entity) is { } value ? (Converter is { } c ? c.ConvertToProvider(value) ?? DBNull.Value : value) : DBNull.Value;
    }

    public BulkTable(AppDbContext db, Type entityClrType)
    {
        _db = db;
        var entity = db.Model.FindEntityType(entityClrType) ?? throw new InvalidOperationException($"{entityClrType.Name} is not in the model.");
        var store = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        _table = Quote(entity.GetTableName()!);
        var all = entity.GetProperties().Concat(entity.GetComplexProperties().SelectMany(c => c.ComplexType.GetProperties()))
            .Select(p => new Column(p.GetColumnName(store)!, p, p.GetTypeMapping().Converter, PostgresTypeOf(p), (RelationalTypeMapping)p.GetTypeMapping()))
            .ToList();
        var keys = entity.FindPrimaryKey()!.Properties;
        _key = [.. all.Where(c => keys.Contains(c.Property))];
        _insert = [.. all.Where(c => !(keys.Contains(c.Property) && c.Property.ValueGenerated == ValueGenerated.OnAdd))];
        _concurrency = [.. all.Where(c => c.Property.IsConcurrencyToken)];
        _set = [.. all.Where(c => !keys.Contains(c.Property))];
    }

    /// <summary>Inserts <paramref name="rows"/> (keys the database generates are left to it and not read back).</summary>
    public async Task InsertAsync(IReadOnlyList<object> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        try
        {
            if (_db.Database.IsNpgsql()) await CopyAsync(Table: _table, _insert, rows, extra: null, ct);
            else await SqliteInsertAsync(rows, ct);
        }
        catch (DbException e)
        {
            throw new DbUpdateException($"The database refused the rows for {_table}: {e.Message}", e);
        }
    }

    /// <summary>
    /// Writes every column of <paramref name="rows"/> (but their keys) where each row's key and concurrency tokens still
    /// hold the values it was read with (<paramref name="originalTokens"/>, one array per row in the order of the model);
    /// a row changed by someone else meanwhile fails the whole write with <see cref="DbUpdateConcurrencyException"/>.
    /// </summary>
    public async Task UpdateAsync(IReadOnlyList<(object Row, object[] OriginalTokens)> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        int updated;
        try
        {
            updated = _db.Database.IsNpgsql() ? await PostgresUpdateAsync(rows, ct) : await SqliteUpdateAsync(rows, ct);
        }
        catch (DbException e)
        {
            throw new DbUpdateException($"The database refused the changes to {_table}: {e.Message}", e);
        }
        if (updated != rows.Count)
            throw new DbUpdateConcurrencyException($"{rows.Count - updated} of {rows.Count} rows of {_table} were changed by someone else meanwhile.");
    }

    /// <summary>The current values of the concurrency tokens of <paramref name="row"/>, to pass to <see cref="UpdateAsync"/> once it has changed.</summary>
    public object[] TokensOf(object row) => [.. _concurrency.Select(c => c.Value(row))];

    private async Task CopyAsync(string Table, IReadOnlyList<Column> columns, IReadOnlyList<object> rows, Func<int, object[]>? extra, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)_db.Database.GetDbConnection();
        var names = columns.Select(c => Quote(c.Name)).Concat(extra is null ? [] : _concurrency.Select(c => Quote(Original(c))));
        await using var writer = await connection.BeginBinaryImportAsync($"COPY {Table} ({string.Join(", ", names)}) FROM STDIN (FORMAT BINARY)", ct);
        for (var i = 0; i < rows.Count; i++)
        {
            await writer.StartRowAsync(ct);
            foreach (var column in columns) Write(writer, column.Value(rows[i]), column.PostgresType);
            if (extra is null) continue;
            var tokens = extra(i);
            for (var t = 0; t < tokens.Length; t++) Write(writer, tokens[t], _concurrency[t].PostgresType);
        }
        await writer.CompleteAsync(ct);
    }

    /// <summary>
    /// Written with its own type (a value written as <c>object</c> has its type looked up again for every row), and
    /// synchronously: the importer buffers rows, and a task per value would cost more than the value.
    /// </summary>
    private static void Write(NpgsqlBinaryImporter writer, object value, NpgsqlDbType type)
    {
        switch (value)
        {
            case DBNull: writer.WriteNull(); break;
            case string text: writer.Write(text, type); break;
            case int number: writer.Write(number, type); break;
            case long number: writer.Write(number, type); break;
            case double number: writer.Write(number, type); break;
            case bool flag: writer.Write(flag, type); break;
            case DateOnly date: writer.Write(date, type); break;
            case DateTime time: writer.Write(time, type); break;
            case decimal number: writer.Write(number, type); break;
            default: writer.Write(value, type); break;
        }
    }

    private async Task<int> PostgresUpdateAsync(IReadOnlyList<(object Row, object[] OriginalTokens)> rows, CancellationToken ct)
    {
        var staging = Quote("bulk_" + _table.Trim('"'));
        var key = _key.Concat(_set).ToList();
        var columns = key.Select(c => Quote(c.Name)).Concat(_concurrency.Select(c => $"{Quote(c.Name)} AS {Quote(Original(c))}"));
        await ExecuteAsync($"CREATE TEMPORARY TABLE {staging} AS SELECT {string.Join(", ", columns)} FROM {_table} WITH NO DATA", ct);
        await CopyAsync(staging, key, [.. rows.Select(r => r.Row)], i => rows[i].OriginalTokens, ct);
        var updated = await ExecuteAsync($"UPDATE {_table} AS t SET {string.Join(", ", _set.Select(c => $"{Quote(c.Name)} = s.{Quote(c.Name)}"))} FROM {staging} AS s " +
            $"WHERE {string.Join(" AND ", _key.Select(c => $"t.{Quote(c.Name)} = s.{Quote(c.Name)}").Concat(_concurrency.Select(c => $"t.{Quote(c.Name)} = s.{Quote(Original(c))}")))}", ct);
        await ExecuteAsync($"DROP TABLE {staging}", ct);
        return updated;
    }

    private async Task SqliteInsertAsync(IReadOnlyList<object> rows, CancellationToken ct)
    {
        // One row per statement, its values bound by position: wide multi-row statements cost more than they save.
        var sql = $"INSERT INTO {_table} ({string.Join(", ", _insert.Select(c => Quote(c.Name)))}) VALUES ({string.Join(", ", _insert.Select((_, c) => $"?{c + 1}"))})";
        if (_insert.All(c => SqliteRowWriter.Binds(c.ProviderType)))
        {
            using var writer = new SqliteRowWriter((SqliteConnection)_db.Database.GetDbConnection(), sql);
            foreach (var row in rows)
            {
                for (var c = 0; c < _insert.Count; c++) writer.Bind(c + 1, _insert[c].Value(row), _insert[c].Mapping.Size);
                writer.Execute();
            }
            return;
        }
        await using var command = Command($"INSERT INTO {_table} ({string.Join(", ", _insert.Select(c => Quote(c.Name)))}) " +
            $"VALUES ({string.Join(", ", _insert.Select((_, c) => $"@p{c}"))})");
        for (var c = 0; c < _insert.Count; c++) command.Parameters.Add(_insert[c].Mapping.CreateParameter(command, $"@p{c}", null));
        await command.PrepareAsync(ct);
        foreach (var row in rows)
        {
            for (var c = 0; c < _insert.Count; c++) command.Parameters[c].Value = _insert[c].Value(row);
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private async Task<int> SqliteUpdateAsync(IReadOnlyList<(object Row, object[] OriginalTokens)> rows, CancellationToken ct)
    {
        await using var command = Command($"UPDATE {_table} SET {string.Join(", ", _set.Select((c, i) => $"{Quote(c.Name)} = @s{i}"))} " +
            $"WHERE {string.Join(" AND ", _key.Select((c, i) => $"{Quote(c.Name)} = @k{i}").Concat(_concurrency.Select((c, i) => $"{Quote(c.Name)} = @o{i}")))}");
        var parameters = _set.Select((c, i) => (c, $"@s{i}")).Concat(_key.Select((c, i) => (c, $"@k{i}"))).ToList();
        foreach (var (column, name) in parameters) command.Parameters.Add(column.Mapping.CreateParameter(command, name, null));
        for (var i = 0; i < _concurrency.Count; i++) command.Parameters.Add(_concurrency[i].Mapping.CreateParameter(command, $"@o{i}", null));
        await command.PrepareAsync(ct);
        var updated = 0;
        foreach (var (row, tokens) in rows)
        {
            for (var p = 0; p < parameters.Count; p++) command.Parameters[p].Value = parameters[p].c.Value(row);
            for (var t = 0; t < tokens.Length; t++) command.Parameters[parameters.Count + t].Value = tokens[t];
            updated += await command.ExecuteNonQueryAsync(ct);
        }
        return updated;
    }

    private async Task<int> ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var command = Command(sql);
        return await command.ExecuteNonQueryAsync(ct);
    }

    private DbCommand Command(string sql)
    {
        var command = _db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = _db.Database.CurrentTransaction?.GetDbTransaction()
                              ?? throw new InvalidOperationException("Rows are written in bulk only inside a transaction.");
        return command;
    }

    private static string Original(Column column) => "original_" + column.Name;

    private static string Quote(string name) => $"\"{name.Replace("\"", "\"\"")}\"";

    /// <summary>The PostgreSQL type COPY writes a column's provider value as.</summary>
    private static NpgsqlDbType PostgresTypeOf(IProperty property)
    {
        var mapping = (RelationalTypeMapping)property.GetTypeMapping();
        var type = Nullable.GetUnderlyingType(mapping.Converter?.ProviderClrType ?? property.ClrType) ?? mapping.Converter?.ProviderClrType ?? property.ClrType;
        return type switch
        {
            _ when type == typeof(string) => mapping.StoreType.StartsWith("character varying", StringComparison.Ordinal) ? NpgsqlDbType.Varchar : NpgsqlDbType.Text,
            _ when type == typeof(int) => NpgsqlDbType.Integer,
            _ when type == typeof(long) => NpgsqlDbType.Bigint,
            _ when type == typeof(short) => NpgsqlDbType.Smallint,
            _ when type == typeof(bool) => NpgsqlDbType.Boolean,
            _ when type == typeof(double) => NpgsqlDbType.Double,
            _ when type == typeof(float) => NpgsqlDbType.Real,
            _ when type == typeof(decimal) => NpgsqlDbType.Numeric,
            _ when type == typeof(DateOnly) => NpgsqlDbType.Date,
            _ when type == typeof(DateTime) => mapping.StoreType.Contains("with time zone", StringComparison.Ordinal) ? NpgsqlDbType.TimestampTz : NpgsqlDbType.Timestamp,
            _ when type == typeof(Guid) => NpgsqlDbType.Uuid,
            _ when type == typeof(byte[]) => NpgsqlDbType.Bytea,
            _ => NpgsqlDbType.Unknown,
        };
    }
}
