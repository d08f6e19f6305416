using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Imports;
using SchoolSight.Core.Indicators;
using SchoolSight.Core.Indicators.Storage;
using SchoolSight.Domain;
using SchoolSight.Domain.Imports;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Voice;

namespace SchoolSight.Core.Voice;

/// <summary>
/// A pupil or parent answering with a code (<paramref name="db"/> acts as <see cref="SurveyRespondents.Acting"/>):
/// find the code's survey, save each answer as it is given, and send. Sent answers join the school-year's responses
/// in the survey store, as if imported, so the perception indicators count them. A code is refused once sent, and
/// outside its survey's window; nothing here reaches beyond the code's own questions.
/// </summary>
public sealed class TakeSurvey(AppDbContext db, Questionnaire questionnaire)
{
    /// <param name="Questions">The questions this respondent is asked, in order.</param>
    public sealed record Session(string Code, RespondentType Respondent, IReadOnlyList<SurveyQuestion> Questions, IReadOnlyList<byte> Answers, int Saves, DateOnly ClosesOn)
    {
        public byte AnswerTo(SurveyQuestion question) => question.Index < Answers.Count ? Answers[question.Index] : (byte)0;

        /// <summary>Where to carry on: the first question not yet answered, or the count when all are.</summary>
        public int NextPosition => Questions.Select((q, i) => (q, i)).FirstOrDefault(x => AnswerTo(x.q) == 0, (null!, Questions.Count)).Item2;
    }

    public static readonly DomainError NotRecognised = DomainError.NotFound("survey.code-unknown", "We do not recognise that code. Check it and try again.");
    public static readonly DomainError NotOpen = DomainError.Rule("survey.not-open-yet", "This survey is not open at the moment. Ask your teacher when you can answer it.");
    public static readonly DomainError Closed = DomainError.Rule("survey.closed", "This survey has closed, so it cannot take any more answers. Thank you for wanting to take part.");

    public async Task<OperationResult<Session>> FindAsync(string? typedCode, CancellationToken ct = default)
    {
        if (OpenSurveyWindow.Normalise(typedCode) is not { } code) return OperationResult<Session>.Fail(NotRecognised);
        var found = await db.SurveyCodes.AsNoTracking().Where(c => c.Code == code)
            .Join(db.SurveyWindows, c => c.WindowId, w => w.Id, (c, w) => new { Code = c, Window = w }).FirstOrDefaultAsync(ct);
        if (found is null) return OperationResult<Session>.Fail(NotRecognised);
        if (found.Code.IsSent) return OperationResult<Session>.Fail(SurveyCode.Refused);
        if (found.Window.HasClosed(db.Today())) return OperationResult<Session>.Fail(Closed);
        if (!found.Window.IsOpen(db.Today())) return OperationResult<Session>.Fail(NotOpen);
        var questions = found.Code.Respondent == RespondentType.Parent
            ? questionnaire.ForParents()
            : found.Code.YearGroup == 0 ? [.. questionnaire.Questions.Where(q => q.PupilText is not null)] : questionnaire.ForPupil(found.Code.YearGroup);
        return OperationResult<Session>.Ok(new Session(code, found.Code.Respondent, questions, found.Code.Answers, found.Code.Saves, found.Window.LastDay));
    }

    /// <summary>Saves the answer to the question at <paramref name="position"/> of the respondent's questions (0 clears it).</summary>
    public async Task<OperationResult<Session>> AnswerAsync(string? typedCode, int position, byte answer, CancellationToken ct = default)
    {
        var session = await FindAsync(typedCode, ct);
        if (!session.Succeeded) return session;
        if (position < 0 || position >= session.Value!.Questions.Count) return OperationResult<Session>.Fail(CoreErrors.NotFound("question"));
        var code = await db.SurveyCodes.SingleAsync(c => c.Code == session.Value.Code, ct);
        try
        {
            code.Answer(session.Value.Questions[position], answer, questionnaire.Questions.Count, db.UtcNow);
            await db.SaveChangesAsync(ct);
        }
        catch (DomainException e)
        {
            return OperationResult<Session>.Fail(e.Errors);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The same code answering in another tab or device at the same moment: the other answer stands.
            return OperationResult<Session>.Fail(DomainError.Conflict("survey.answered-elsewhere", "This answer was changed somewhere else at the same time. Check it and carry on."));
        }
        return await FindAsync(typedCode, ct);
    }

    /// <summary>Sends the answers: the code is used up and its answers join the school-year's survey responses.</summary>
    public async Task<OperationResult<bool>> SendAsync(string? typedCode, CancellationToken ct = default)
    {
        var session = await FindAsync(typedCode, ct);
        if (!session.Succeeded) return OperationResult<bool>.Fail(session.Errors);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // Survey imports and other answers being sent wait here, so none is lost or counted twice.
            await ImportAttempt.LockAsync(db, ImportKind.Surveys, ct);
            var code = await db.SurveyCodes.SingleAsync(c => c.Code == session.Value!.Code, ct);
            var window = await db.SurveyWindows.AsNoTracking().SingleAsync(w => w.Id == code.WindowId, ct);
            code.Send(db.UtcNow);
            await AddToStoreAsync(code, window.AcademicYear, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DomainException e)
        {
            return OperationResult<bool>.Fail(e.Errors);
        }
        catch (DbUpdateConcurrencyException)
        {
            return OperationResult<bool>.Fail(SurveyCode.Refused);
        }
        return OperationResult<bool>.Ok(true);
    }

    private async Task AddToStoreAsync(SurveyCode code, int academicYear, CancellationToken ct)
    {
        var block = await db.SurveyDataBlocks.SingleOrDefaultAsync(b => b.Urn == code.Urn && b.AcademicYear == academicYear, ct);
        var held = block is null ? new SurveyColumns(0, questionnaire.Questions.Count) : SurveyBlockCodec.Decode(block.Data);
        var width = Math.Max(held.QuestionCount, questionnaire.Questions.Count);
        var joined = new SurveyColumns(held.Count + 1, width);
        held.RespondentTypes.CopyTo(joined.RespondentTypes, 0);
        held.YearGroups.CopyTo(joined.YearGroups, 0);
        held.Genders.CopyTo(joined.Genders, 0);
        joined.RespondentTypes[held.Count] = (byte)code.Respondent;
        joined.YearGroups[held.Count] = code.YearGroup;
        for (var q = 0; q < width; q++)
        {
            if (q < held.QuestionCount) held.Answers(q).CopyTo(joined.Answers(q), 0);
            joined.Answers(q)[held.Count] = q < code.Answers.Length ? code.Answers[q] : (byte)0;
        }
        var data = SurveyBlockCodec.Encode(joined);
        if (block is null) db.SurveyDataBlocks.Add(new SurveyDataBlock(code.Urn, academicYear, joined.Count, SurveyBlockCodec.Hash(data), data, 0, db.UtcNow));
        else block.Replace(joined.Count, SurveyBlockCodec.Hash(data), data, block.ImportId, db.UtcNow);
        if (!await db.PendingRecomputes.AnyAsync(p => p.AcademicYear == academicYear, ct))
            RecomputePending.Mark(db, [academicYear], 0);
    }
}
