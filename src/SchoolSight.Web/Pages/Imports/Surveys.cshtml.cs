using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SchoolSight.Core.Imports;
using SchoolSight.Core.Imports.Surveys;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Imports;

/// <summary>Upload a perception survey file: the same <see cref="ImportSurveys"/> operation as the CLI and the API.</summary>
[Authorize(Policy = Policies.LaAdministrator)]
[RequestSizeLimit(MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
public sealed class SurveysModel(ImportSurveys import) : DataImportPageModel
{
    public override string Title => "Import pupil and parent surveys";
    public override string What => "survey";
    public override string Path => "/Imports/Surveys";
    public override string Guide =>
        "One row per respondent: the school's URN, the academic year, Pupil or Parent, the year group, and an answer to each question " +
        "(Strongly agree, Agree, Disagree, Strongly disagree, Don't know, or 1 to 5; blank when not answered). Each school and year in the " +
        "file replaces the responses SchoolSight holds for it.";

    protected override DataBlockImport Import => import;
}
