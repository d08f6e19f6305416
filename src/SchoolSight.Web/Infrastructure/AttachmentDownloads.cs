using SchoolSight.Core.Attachments;

namespace SchoolSight.Web;

/// <summary>
/// How an attached file goes back to a reader, from a page or the API: always as a download
/// (<c>Content-Disposition: attachment</c>) under its safe name, with the content type it was checked as, never sniffed
/// by the browser, and never kept in a cache.
/// </summary>
public static class AttachmentDownloads
{
    public static void Prepare(HttpResponse response)
    {
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "private, no-store";
    }

    public static IResult Result(HttpResponse response, OpenAttachment.Download download)
    {
        Prepare(response);
        return TypedResults.File(download.Content, download.File.ContentType, download.File.FileName);
    }
}
