using Microsoft.Data.Sqlite;

namespace SchoolSight.Core.Backups;

/// <summary>The files of a SQLite database: the database itself and, in write-ahead-log mode, its -wal and -shm files.</summary>
internal static class SqliteFiles
{
    public static string DatabaseFile(string connectionString) =>
        Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);

    /// <summary>A connection string for a file only this operation uses: no pooling, a short wait for locks.</summary>
    public static string Private(string file, SqliteOpenMode mode = SqliteOpenMode.ReadWriteCreate) =>
        new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false, DefaultTimeout = 2 }.ToString();

    /// <summary>Deletes the file and its -wal and -shm files, when they exist.</summary>
    public static void Delete(string file)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
            if (File.Exists(file + suffix)) File.Delete(file + suffix);
    }
}
