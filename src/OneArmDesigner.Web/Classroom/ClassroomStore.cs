using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneArmDesigner.Data;
using OneArmDesigner.Data.Entities;
using OneArmDesigner.Domain.Documents;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Domain.Templates;
using OneArmDesigner.Engine.Packets;
using OneArmDesigner.Web.Designs;
using OneArmDesigner.Web.Simulation;

namespace OneArmDesigner.Web.Classroom;

/// <summary>
/// Live classrooms in the database, so every instance sees the same session: create one, follow it, move it,
/// ask and answer questions, end it. Each operation returns the classroom's state after it, for the caller to
/// broadcast (<see cref="ClassroomNotifier"/>). A presenter's rights come from the presenter token alone (its hash
/// is stored, never the token); an unknown, ended or idle-expired session answers as not found. Nothing stays tracked
/// between calls: a page's DbContext lives as long as its circuit, and must read what other instances wrote since.
/// </summary>
public sealed class ClassroomStore(
    OneArmDesignerDbContext db, SimulationResolver resolver, ClassroomTraces traces, IOptions<ClassroomOptions> options, TimeProvider clock)
{
    /// <summary>
    /// Starts a classroom on what a simulation request names (a template, a saved design's link or an inline
    /// document, and the flow), checked as a simulation is; the design is copied into the session.
    /// </summary>
    public async Task<StoreResult<CreatedClassroom>> CreateAsync(SimulationRequest? request, CancellationToken ct = default)
    {
        var resolved = await resolver.ResolveAsync(request, ct);
        if (!resolved.Succeeded)
        {
            return StoreResult<CreatedClassroom>.Fail(StoreStatus.Invalid, "The classroom's walkthrough cannot be traced.", resolved.Problems);
        }

        var design = resolved.Design!;
        var flow = resolved.Result!.Flow;
        var title = request!.Template is { } name ? TemplateCatalog.Find(name)!.Title : design.Name;
        var token = ShareToken.Create();
        var now = clock.GetUtcNow();
        var classroom = new ClassroomEntity
        {
            Code = await FreeCodeAsync(ct),
            PresenterTokenHash = ShareToken.Hash(token),
            Title = title.Length > 200 ? title[..200] : title,
            DocumentJson = DesignDocument.Serialize(design),
            FlowFrom = flow.From,
            FlowTo = flow.To,
            FlowProtocol = flow.Protocol.ToJsonName(),
            FlowPort = flow.DestinationPort,
            CreatedAt = now,
            LastActivityAt = now,
        };
        db.Classrooms.Add(classroom);
        await db.SaveChangesAsync(ct);
        db.Entry(classroom).State = EntityState.Detached;
        return StoreResult<CreatedClassroom>.Ok(new CreatedClassroom(classroom.Code, token, classroom.Title));
    }

    /// <summary>The state of a live session by its join code (as typed), or null.</summary>
    public async Task<ClassroomState?> GetAsync(string? code, CancellationToken ct = default)
    {
        var classroom = await FindLiveAsync(JoinCode.Normalise(code), ct);
        return classroom is null ? null : await StateAsync(classroom, ct);
    }

    /// <summary>A live session's walkthrough, for pages that show it.</summary>
    public ClassroomWalkthrough Walkthrough(ClassroomEntity classroom) =>
        traces.For(classroom.Code, classroom.DocumentJson, FlowOf(classroom), resolver);

    /// <summary>A live session and its walkthrough by join code, or null.</summary>
    public async Task<(ClassroomEntity Classroom, ClassroomWalkthrough Walkthrough)?> OpenAsync(string? code, CancellationToken ct = default)
    {
        var classroom = await FindLiveAsync(JoinCode.Normalise(code), ct);
        return classroom is null ? null : (classroom, Walkthrough(classroom));
    }

    /// <summary>A live session and its walkthrough by presenter token, or why not.</summary>
    public async Task<StoreResult<(ClassroomEntity Classroom, ClassroomWalkthrough Walkthrough)>> OpenAsPresenterAsync(string? token, CancellationToken ct = default)
    {
        var presented = await FindPresentedAsync(token, ct);
        return presented.Succeeded
            ? StoreResult<(ClassroomEntity, ClassroomWalkthrough)>.Ok((presented.Value!, Walkthrough(presented.Value!)))
            : presented.As<(ClassroomEntity, ClassroomWalkthrough)>();
    }

    public async Task<StoreResult<ClassroomState>> PresenterStateAsync(string? token, CancellationToken ct = default)
    {
        var presented = await FindPresentedAsync(token, ct);
        return presented.Succeeded ? StoreResult<ClassroomState>.Ok(await StateAsync(presented.Value!, ct)) : presented.As<ClassroomState>();
    }

    /// <summary>Adds a follower (a hub connection or a follower page) to a live session; joining twice is one follower.</summary>
    public async Task<StoreResult<ClassroomState>> JoinAsync(string? code, string followerId, CancellationToken ct = default)
    {
        var classroom = await FindLiveAsync(JoinCode.Normalise(code), ct);
        if (classroom is null)
        {
            return UnknownCode<ClassroomState>();
        }

        if (!await db.ClassroomFollowers.AnyAsync(f => f.ConnectionId == followerId, ct))
        {
            // The same follower joining twice at once fails the second insert: it is a follower either way.
            await SaveAsync(db.ClassroomFollowers.Add(new ClassroomFollowerEntity { ConnectionId = followerId, Code = classroom.Code, JoinedAt = clock.GetUtcNow() }).Entity, ct);
        }

        return StoreResult<ClassroomState>.Ok(await StateAsync(classroom, ct));
    }

    /// <summary>Removes a follower wherever it followed; the sessions it left, with their new counts.</summary>
    public async Task<IReadOnlyList<ClassroomState>> LeaveAsync(string followerId, CancellationToken ct = default)
    {
        var codes = await db.ClassroomFollowers.Where(f => f.ConnectionId == followerId).Select(f => f.Code).ToListAsync(ct);
        if (codes.Count == 0)
        {
            return [];
        }

        await db.ClassroomFollowers.Where(f => f.ConnectionId == followerId).ExecuteDeleteAsync(ct);
        var left = new List<ClassroomState>();
        foreach (var code in codes)
        {
            if (await FindLiveAsync(code, ct) is { } classroom)
            {
                left.Add(await StateAsync(classroom, ct));
            }
        }

        return left;
    }

    /// <summary>
    /// Moves the session to a step (1-based; 0 before the first) and returns the session as moved, without reading its
    /// followers or answers: the step goes out to the class first (<see cref="LiveClassroom.SetStepAsync"/>).
    /// </summary>
    public async Task<StoreResult<ClassroomEntity>> MoveAsync(string? token, int step, CancellationToken ct = default) =>
        await ChangeAsPresenterAsync(token, ct, classroom =>
        {
            var count = Walkthrough(classroom).Steps.Count;
            if (step < 0 || step > count)
            {
                return $"step: {step} is outside 0 to {count} (this walkthrough has {count} steps)";
            }

            classroom.Step = step;
            return null;
        });

    /// <summary>Opens a question about the current step; answers to the previous one are no longer taken.</summary>
    public async Task<StoreResult<ClassroomState>> AskAsync(string? token, string? kind, CancellationToken ct = default) =>
        await AsPresenterAsync(token, ct, classroom =>
        {
            var (question, problem) = PredictQuestions.At(Walkthrough(classroom).Steps, classroom.Step, kind ?? PredictQuestions.NextDevice);
            if (question is null)
            {
                return problem;
            }

            classroom.QuestionNumber++;
            classroom.QuestionKind = question.Kind;
            classroom.QuestionStep = classroom.Step;
            classroom.QuestionRevealed = false;
            return null;
        });

    /// <summary>Shows the answer and moves everyone to the step that shows it.</summary>
    public async Task<StoreResult<ClassroomState>> RevealAsync(string? token, CancellationToken ct = default) =>
        await AsPresenterAsync(token, ct, classroom =>
        {
            if (OpenQuestion(classroom) is not { } question)
            {
                return "question: no question is open; ask the class first";
            }

            classroom.QuestionRevealed = true;
            classroom.Step = question.RevealStep;
            return null;
        });

    public async Task<StoreResult<ClassroomState>> EndAsync(string? token, CancellationToken ct = default)
    {
        var result = await AsPresenterAsync(token, ct, classroom =>
        {
            classroom.EndedAt = clock.GetUtcNow();
            return null;
        });
        if (result.Succeeded)
        {
            await db.ClassroomFollowers.Where(f => f.Code == result.Value!.Code).ExecuteDeleteAsync(ct);
            traces.Forget(result.Value!.Code);
        }

        return result;
    }

    /// <summary>A follower's answer to the open question; answering again changes it.</summary>
    public async Task<StoreResult<ClassroomState>> AnswerAsync(string? code, string followerId, string? choice, CancellationToken ct = default)
    {
        var classroom = await FindLiveAsync(JoinCode.Normalise(code), ct);
        if (classroom is null)
        {
            return UnknownCode<ClassroomState>();
        }

        if (OpenQuestion(classroom) is not { } question)
        {
            return StoreResult<ClassroomState>.Fail(StoreStatus.Conflict, "question: no question is open for answers just now.");
        }

        if (choice is null || !question.Choices.Contains(choice))
        {
            return StoreResult<ClassroomState>.Fail(StoreStatus.Invalid, $"choice: '{choice}' is not one of {string.Join(", ", question.Choices)}");
        }

        var number = classroom.QuestionNumber;
        var now = clock.GetUtcNow();
        var changed = await db.ClassroomAnswers
            .Where(a => a.Code == classroom.Code && a.QuestionNumber == number && a.ConnectionId == followerId)
            .ExecuteUpdateAsync(a => a.SetProperty(x => x.Choice, choice).SetProperty(x => x.AnsweredAt, now), ct);
        if (changed == 0)
        {
            // Two first answers from the same follower crossing fail the second insert: the first one counts.
            await SaveAsync(db.ClassroomAnswers.Add(new ClassroomAnswerEntity
            {
                Code = classroom.Code, QuestionNumber = number, ConnectionId = followerId, Choice = choice, AnsweredAt = now,
            }).Entity, ct);
        }

        return StoreResult<ClassroomState>.Ok(await StateAsync(classroom, ct));
    }

    /// <summary>Deletes sessions ended or idle past the limit (their followers and answers go with them).</summary>
    public async Task<int> PurgeExpiredAsync(CancellationToken ct = default)
    {
        var cutoff = clock.GetUtcNow() - options.Value.IdleLimit;
        var codes = await db.Classrooms.Where(c => c.EndedAt != null || c.LastActivityAt < cutoff).Select(c => c.Code).ToListAsync(ct);
        foreach (var code in codes)
        {
            traces.Forget(code);
        }

        return codes.Count == 0 ? 0 : await db.Classrooms.Where(c => codes.Contains(c.Code)).ExecuteDeleteAsync(ct);
    }

    private async Task<StoreResult<ClassroomState>> AsPresenterAsync(string? token, CancellationToken ct, Func<ClassroomEntity, string?> change)
    {
        var changed = await ChangeAsPresenterAsync(token, ct, change);
        return changed.Succeeded ? StoreResult<ClassroomState>.Ok(await StateAsync(changed.Value!, ct)) : changed.As<ClassroomState>();
    }

    /// <summary>Applies a presenter's change, or refuses it with the problem <paramref name="change"/> names.</summary>
    private async Task<StoreResult<ClassroomEntity>> ChangeAsPresenterAsync(string? token, CancellationToken ct, Func<ClassroomEntity, string?> change)
    {
        var presented = await FindPresentedAsync(token, ct);
        if (!presented.Succeeded)
        {
            return presented;
        }

        var classroom = presented.Value!;
        var entry = db.Classrooms.Attach(classroom);
        try
        {
            if (change(classroom) is { } problem)
            {
                return StoreResult<ClassroomEntity>.Fail(StoreStatus.Invalid, problem);
            }

            classroom.LastActivityAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            entry.State = EntityState.Detached;
        }

        return StoreResult<ClassroomEntity>.Ok(classroom);
    }

    private async Task<StoreResult<ClassroomEntity>> FindPresentedAsync(string? token, CancellationToken ct)
    {
        if (!ShareToken.LooksValid(token))
        {
            return WrongToken();
        }

        var hash = ShareToken.Hash(token!);
        var classroom = await db.Classrooms.AsNoTracking().SingleOrDefaultAsync(c => c.PresenterTokenHash == hash, ct);
        if (classroom is null)
        {
            return WrongToken();
        }

        return IsLive(classroom)
            ? StoreResult<ClassroomEntity>.Ok(classroom)
            : StoreResult<ClassroomEntity>.Fail(StoreStatus.NotFound, $"Classroom {classroom.Code} has ended or expired; start a new one.");
    }

    private async Task<ClassroomEntity?> FindLiveAsync(string? code, CancellationToken ct)
    {
        if (code is null)
        {
            return null;
        }

        var classroom = await db.Classrooms.AsNoTracking().SingleOrDefaultAsync(c => c.Code == code, ct);
        return classroom is not null && IsLive(classroom) ? classroom : null;
    }

    private bool IsLive(ClassroomEntity classroom) =>
        classroom.EndedAt is null && clock.GetUtcNow() - classroom.LastActivityAt < options.Value.IdleLimit;

    private PredictQuestion? OpenQuestion(ClassroomEntity classroom) =>
        classroom is { QuestionKind: { } kind, QuestionRevealed: false } ? QuestionOf(classroom, kind) : null;

    private PredictQuestion? QuestionOf(ClassroomEntity classroom, string kind) =>
        PredictQuestions.At(Walkthrough(classroom).Steps, classroom.QuestionStep, kind).Question;

    /// <summary>The session as everyone sees it: step, followers, the latest question and its answers.</summary>
    public async Task<ClassroomState> StateAsync(ClassroomEntity classroom, CancellationToken ct = default)
    {
        var followers = await db.ClassroomFollowers.CountAsync(f => f.Code == classroom.Code, ct);
        return new ClassroomState(classroom.Code, classroom.Title, classroom.Step, Walkthrough(classroom).Steps.Count, followers,
            await QuestionStateAsync(classroom, ct), classroom.EndedAt is not null);
    }

    private async Task<QuestionState?> QuestionStateAsync(ClassroomEntity classroom, CancellationToken ct)
    {
        if (classroom.QuestionKind is not { } kind || QuestionOf(classroom, kind) is not { } question)
        {
            return null;
        }

        var number = classroom.QuestionNumber;
        var counted = await db.ClassroomAnswers.Where(a => a.Code == classroom.Code && a.QuestionNumber == number)
            .GroupBy(a => a.Choice).Select(g => new { Choice = g.Key, Count = g.Count() }).ToListAsync(ct);
        var counts = question.Choices.ToDictionary(c => c, c => counted.FirstOrDefault(x => x.Choice == c)?.Count ?? 0);
        return new QuestionState(number, question.Kind, question.Prompt, question.Choices, counts, classroom.QuestionRevealed,
            classroom.QuestionRevealed ? question.Answer : null);
    }

    /// <summary>Inserts one new row and forgets it; a duplicate key (the same row written at once elsewhere) is no error.</summary>
    private async Task SaveAsync(object added, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Written by a concurrent call first: the row exists, which is all the caller needs.
        }
        finally
        {
            db.Entry(added).State = EntityState.Detached;
        }
    }

    private async Task<string> FreeCodeAsync(CancellationToken ct)
    {
        while (true)
        {
            var code = JoinCode.Create();
            if (!await db.Classrooms.AnyAsync(c => c.Code == code, ct))
            {
                return code;
            }
        }
    }

    private static Flow FlowOf(ClassroomEntity classroom) =>
        new(classroom.FlowFrom, classroom.FlowTo, Protocols.TryParse(classroom.FlowProtocol, out var protocol) ? protocol : Protocol.Tcp, classroom.FlowPort);

    private static StoreResult<ClassroomEntity> WrongToken() =>
        StoreResult<ClassroomEntity>.Fail(StoreStatus.Forbidden, "This is not the presenter link of a live classroom: only the presenter can move, question or end it.");

    public const string UnknownCodeMessage = "No live classroom has this code: check it with your presenter. It may have ended or expired.";

    private static StoreResult<T> UnknownCode<T>() => StoreResult<T>.Fail(StoreStatus.NotFound, UnknownCodeMessage);
}
