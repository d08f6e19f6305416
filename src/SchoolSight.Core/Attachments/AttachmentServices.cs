using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SchoolSight.Domain.Attachments;

namespace SchoolSight.Core.Attachments;

public static class AttachmentServices
{
    /// <summary>
    /// The attachment settings (<c>Attachments</c>), the store they choose and the virus scanner: the accepting one
    /// unless one was registered before.
    /// </summary>
    public static IServiceCollection AddSchoolSightAttachments(this IServiceCollection services, IConfiguration configuration)
    {
        var options = AttachmentOptions.FromConfiguration(configuration);
        services.AddSingleton(options);
        if (options.Store == AttachmentStorage.Folder) services.AddScoped<IAttachmentStore, FolderAttachmentStore>();
        else services.AddScoped<IAttachmentStore, DatabaseAttachmentStore>();
        services.TryAddSingleton<IAttachmentScanner, AcceptingScanner>();
        return services;
    }
}
