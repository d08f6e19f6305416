using Microsoft.AspNetCore.WebUtilities;
using SchoolSight.Core.Imports;

namespace SchoolSight.Web;

/// <summary>
/// Uploaded files (pupil-level data among them) are buffered in the imports' private folder
/// (<see cref="ImportTempFolder"/>: 0700, files 0600) instead of ASP.NET Core's default, the shared system temporary
/// folder, so no other account can read them and the start-up sweep removes any a crash left behind. The body is
/// read lazily, as before, so request size limits still apply; the buffer file is deleted when the request ends.
/// </summary>
public sealed class PrivateUploadBuffer(RequestDelegate next, ImportTempFolder folder)
{
    private const int MemoryThreshold = 64 * 1024;

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Body.CanSeek || request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) != true)
            return next(context);
        var buffer = new FileBufferingReadStream(request.Body, MemoryThreshold, bufferLimit: null, tempFileDirectoryAccessor: folder.Ensure);
        request.Body = buffer;
        context.Response.RegisterForDisposeAsync(buffer);
        return next(context);
    }
}
