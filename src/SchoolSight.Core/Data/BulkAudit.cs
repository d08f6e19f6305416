using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Metadata;
using SchoolSight.Domain.Auditing;

namespace SchoolSight.Core.Data;

/// <summary>
/// The audit rows of records written in bulk (<see cref="BulkTable"/>), equal to those <see cref="AppDbContext"/>'s save
/// writes for the same records one by one: the same properties in the same order (complex types' included), the same
/// before and after values as JSON, the same key and school. Take a <see cref="Snapshot"/> of a record before changing
/// it; <see cref="Created"/> and <see cref="Updated"/> then describe it after.
/// </summary>
internal sealed class BulkAudit
{
    private readonly AppDbContext _db;
    private readonly string _entityName;
    private readonly IReadOnlyList<(string Name, IProperty Property)> _properties;
    private readonly IReadOnlyList<IProperty> _key;

    public BulkAudit(AppDbContext db, Type entityClrType)
    {
        _db = db;
        var entity = db.Model.FindEntityType(entityClrType) ?? throw new InvalidOperationException($"{entityClrType.Name} is not in the model.");
        _entityName = entityClrType.Name;
        _properties = [.. entity.GetProperties().Select(p => (p.Name, p)).Concat(entity.GetComplexProperties()
            .SelectMany(c => c.ComplexType.GetProperties().Select(p => ($"{c.Name}.{p.Name}", p))))];
        _key = entity.FindPrimaryKey()!.Properties;
        if (_properties.Any(p => AppDbContext.SecretProperties.Contains(p.Name)))
            throw new NotSupportedException($"{_entityName} has secret properties, which only the audit of a save hides.");
    }

    /// <summary>The record's values now, in the audit's order.</summary>
    public object?[] Snapshot(object entity) => [.. _properties.Select(p => p.Property.GetGetter().GetClrValueUsingContainingEntity(entity))];

    /// <summary>A new record: every property, from nothing to its value.</summary>
    public AuditEntry Created(object entity, DateTime now) => Entry(AuditAction.Created, entity, null, Snapshot(entity), now)!;

    /// <summary>A changed record: the properties whose value differs from <paramref name="before"/>; null when none does.</summary>
    public AuditEntry? Updated(object entity, object?[] before, DateTime now) => Entry(AuditAction.Updated, entity, before, Snapshot(entity), now);

    private AuditEntry? Entry(AuditAction action, object entity, object?[]? before, object?[] after, DateTime now)
    {
        using var buffer = new MemoryStream();
        var changed = 0;
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            for (var i = 0; i < _properties.Count; i++)
            {
                var (old, value) = (before?[i], after[i]);
                if (before is not null && Equals(old, value)) continue;
                changed++;
                json.WritePropertyName(_properties[i].Name);
                json.WriteStartArray();
                Write(json, old);
                Write(json, value);
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        if (changed == 0) return null;
        var user = _db.CurrentUser;
        var key = string.Join("/", _key.Select(k => k.GetGetter().GetClrValueUsingContainingEntity(entity)?.ToString()));
        return new AuditEntry(now, user.UserId, user.UserName, action, _entityName, key, Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length),
            AppDbContext.SchoolOf(entity));
    }

    private static void Write(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case string text: json.WriteStringValue(text); break;
            case int number: json.WriteNumberValue(number); break;
            default: JsonSerializer.Serialize(json, value, value.GetType(), AppDbContext.AuditJson); break;
        }
    }
}
