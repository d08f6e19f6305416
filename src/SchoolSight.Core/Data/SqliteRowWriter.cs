using System.Buffers;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace SchoolSight.Core.Data;

/// <summary>
/// One prepared SQLite statement run once per row, each value bound by its position through SQLite's own interface.
/// Microsoft.Data.Sqlite binds every parameter by its name (a search of the statement's parameter names and a UTF-8
/// copy of the name for every value), which made binding most of a bulk insert's time. The values are stored exactly as
/// Microsoft.Data.Sqlite stores them (the same text for dates, times and decimals, integers for booleans, UTF-8 text);
/// <see cref="Binds"/> says which provider types it writes, and any other type is left to Microsoft.Data.Sqlite.
/// Runs inside the transaction the connection is in.
/// </summary>
internal sealed class SqliteRowWriter : IDisposable
{
    private static readonly HashSet<Type> Types =
        [typeof(string), typeof(int), typeof(long), typeof(short), typeof(bool), typeof(double), typeof(DateOnly), typeof(DateTime), typeof(decimal), typeof(byte[])];

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private byte[] _text = ArrayPool<byte>.Shared.Rent(4096);

    public SqliteRowWriter(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(_db, sql, out _statement), _db);
    }

    /// <summary>Whether values of this provider type (nullable or not) are written here.</summary>
    public static bool Binds(Type providerType) => Types.Contains(Nullable.GetUnderlyingType(providerType) ?? providerType);

    /// <summary>Binds the value of parameter <paramref name="position"/> (from 1); <paramref name="maxLength"/> cuts text and bytes as a parameter's size does.</summary>
    public void Bind(int position, object value, int? maxLength = null)
    {
        var rc = value switch
        {
            DBNull or null => raw.sqlite3_bind_null(_statement, position),
            string text => BindText(position, maxLength is { } max && text.Length > max ? text.AsSpan(0, max) : text),
            int number => raw.sqlite3_bind_int64(_statement, position, number),
            long number => raw.sqlite3_bind_int64(_statement, position, number),
            short number => raw.sqlite3_bind_int64(_statement, position, number),
            bool flag => raw.sqlite3_bind_int64(_statement, position, flag ? 1 : 0),
            double number when double.IsNaN(number) => throw new InvalidOperationException("SQLite cannot store NaN."),
            double number => raw.sqlite3_bind_double(_statement, position, number),
            DateOnly date => BindText(position, date.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture)),
            DateTime time => BindText(position, time.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture)),
            decimal number => BindText(position, number.ToString("0.0###########################", CultureInfo.InvariantCulture)),
            // An empty span would be bound as NULL: an empty blob is bound as one.
            byte[] { Length: 0 } => raw.sqlite3_bind_zeroblob(_statement, position, 0),
            byte[] bytes => raw.sqlite3_bind_blob(_statement, position, maxLength is { } max && bytes.Length > max ? bytes.AsSpan(0, max) : bytes),
            _ => throw new NotSupportedException($"{value.GetType().Name} values are not written by {nameof(SqliteRowWriter)}."),
        };
        SqliteException.ThrowExceptionForRC(rc, _db);
    }

    /// <summary>Runs the statement with the values bound; returns the rows it changed.</summary>
    public int Execute()
    {
        var rc = raw.sqlite3_step(_statement);
        try
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
        return raw.sqlite3_changes(_db);
    }

    private int BindText(int position, ReadOnlySpan<char> text)
    {
        var length = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (length > _text.Length)
        {
            ArrayPool<byte>.Shared.Return(_text);
            _text = ArrayPool<byte>.Shared.Rent(length);
        }
        var written = Encoding.UTF8.GetBytes(text, _text);
        // An empty span would be bound as NULL: empty text is bound as text.
        return written == 0 ? raw.sqlite3_bind_text(_statement, position, string.Empty) : raw.sqlite3_bind_text(_statement, position, _text.AsSpan(0, written));
    }

    public void Dispose()
    {
        _statement.Dispose();
        ArrayPool<byte>.Shared.Return(_text);
        _text = [];
    }
}
