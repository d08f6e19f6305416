using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SchoolSight.Core.Imports;
using SchoolSight.Core.Imports.Pupils;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Imports;

/// <summary>Upload a pupil-level file: the same <see cref="ImportPupils"/> operation as the CLI and the API.</summary>
[Authorize(Policy = Policies.LaAdministrator)]
[RequestSizeLimit(MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
public sealed class PupilsModel(ImportPupils import) : DataImportPageModel
{
    public override string Title => "Import pupil-level data";
    public override string What => "pupil-level";
    public override string Path => "/Imports/Pupils";
    public override string Guide =>
        "One row per pupil per academic year: the school's URN, the academic year, the pupil's reference, and their characteristics, " +
        "attendance, exclusions and results. Each school and year in the file replaces the data SchoolSight holds for it; " +
        "schools and years not in the file are left as they are.";

    protected override DataBlockImport Import => import;
}
