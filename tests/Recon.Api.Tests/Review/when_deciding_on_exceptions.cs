using Alba;
using Recon.Api.Review;
using Recon.Api.Runs;
using Recon.Api.Tests.Fixtures;

namespace Recon.Api.Tests.Review;

public class when_deciding_on_exceptions(AppFixture fixture) : IntegrationContext(fixture)
{
    private async Task<(Guid PeriodId, List<ReviewItemView> Open)> GivenOpenExceptions()
    {
        var (periodId, _) = await Host.GivenReconciledMonth();
        return (periodId, await Host.AllQueuePages($"periodId={periodId}&limit=200"));
    }

    private static ReviewItemView Small(List<ReviewItemView> open, int skip = 0) => open.Where(i => i.Impact <= 1000m).Skip(skip).First();

    [Fact]
    public async Task accepting_the_suggestion_resolves_the_exception_and_records_who_and_the_states()
    {
        var (_, open) = await GivenOpenExceptions();
        var item = Small(open);

        var result = await Host.Decide(item.ExceptionId, "accept", new AcceptRequest(item.Version, "Matches the job sheet"));

        result.Outcome.ShouldBe("applied");
        result.Exception.Status.ShouldBe("resolved");
        result.Exception.Resolution.ShouldBe("accepted");
        result.Exception.Version.ShouldBe(item.Version + 1);
        var detail = await Host.GetAsJson<ExceptionDetail>($"/api/exceptions/{item.ExceptionId}");
        var entry = detail!.History[^1];
        entry.Type.ShouldBe("accepted");
        entry.Comment.ShouldBe("Matches the job sheet");
        entry.Before!.Status.ShouldBe(Domain.Review.CaseStatus.Open);
        entry.After!.Status.ShouldBe(Domain.Review.CaseStatus.Resolved);
        entry.By.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task overriding_the_category_keeps_the_engines_and_needs_a_reason_and_comment()
    {
        var (_, open) = await GivenOpenExceptions();
        var item = Small(open);
        var other = item.Category == "other" ? "rate_change" : "other";

        await Scenario(x =>
        {
            x.Post.Json(new { expectedVersion = item.Version, category = other, reasonCode = "guess", comment = "" }).ToUrl($"/api/exceptions/{item.ExceptionId}/override-category");
            x.StatusCodeShouldBe(400);
        });
        var result = await Host.Decide(item.ExceptionId, "override-category", new OverrideCategoryRequest(item.Version, other, "misclassified", "The ledger line is a different service"));

        result.Exception.Category.ShouldBe(other);
        result.Exception.EngineCategory.ShouldBe(item.EngineCategory);
        result.Exception.Status.ShouldBe("open");
        (await Host.AllQueuePages($"periodId={item.PeriodId}&category={other}&limit=200")).ShouldContain(i => i.ExceptionId == item.ExceptionId);
    }

    [Fact]
    public async Task resolving_reopening_assigning_and_commenting_each_move_the_version_on()
    {
        var (_, open) = await GivenOpenExceptions();
        var item = Small(open);
        await Host.GivenUser("reviewer2", "reviewer");

        var resolved = await Host.Decide(item.ExceptionId, "resolve", new ResolveRequest(item.Version, "timingDifference", "Billed in November"));
        resolved.Exception.Resolution.ShouldBe("timingDifference");
        var reopened = await Host.Decide(item.ExceptionId, "reopen", new ReopenRequest(resolved.Exception.Version, "Not in November either"));
        reopened.Exception.Status.ShouldBe("open");
        var assigned = await Host.Decide(item.ExceptionId, "assign", new AssignRequest(reopened.Exception.Version, "reviewer2"));
        assigned.Exception.Assignee.ShouldBe("reviewer2");
        (await Host.AllQueuePages("assignee=reviewer2")).Select(i => i.ExceptionId).ShouldBe([item.ExceptionId]);
        var unassigned = await Host.Decide(item.ExceptionId, "unassign", new UnassignRequest(assigned.Exception.Version));
        unassigned.Exception.Assignee.ShouldBeNull();
        var commented = await Host.Decide(item.ExceptionId, "comments", new CommentRequest(null, "Asked the site manager"));
        commented.Exception.Version.ShouldBe(item.Version + 5);

        var history = (await Host.GetAsJson<ExceptionDetail>($"/api/exceptions/{item.ExceptionId}"))!.History;
        history.Select(h => h.Type).ShouldBe(["opened", "resolved", "reopened", "assigned", "unassigned", "commented"]);
        history[1].ReasonCode.ShouldBe("timingDifference");
    }

    [Fact]
    public async Task a_manual_link_resolves_with_a_manual_match_and_unlinking_opens_it_again()
    {
        var (_, open) = await GivenOpenExceptions();
        var item = open.First(i => i.Impact <= 1000m && i.ClientJobIds.Count > 0 && i.LedgerLineIds.Count > 0);

        await Scenario(x =>
        {
            x.Post.Json(new LinkRequest(item.Version, ["JOB-NOT-THERE"], item.LedgerLineIds, null)).ToUrl($"/api/exceptions/{item.ExceptionId}/link");
            x.StatusCodeShouldBe(422);
        });
        var linked = await Host.Decide(item.ExceptionId, "link", new LinkRequest(item.Version, item.ClientJobIds, item.LedgerLineIds, "Same job, typo in the reference"));
        linked.Exception.Resolution.ShouldBe("manualMatch");
        linked.Exception.Method.ShouldBe(Domain.Reconciliation.MatchMethod.Manual);

        var unlinked = await Host.Decide(item.ExceptionId, "unlink", new UnlinkRequest(linked.Exception.Version, "Wrong pair"));
        unlinked.Exception.Status.ShouldBe("open");
        unlinked.Exception.MatchId.ShouldBeNull();
    }

    [Fact]
    public async Task a_stale_version_gets_409_with_the_current_state_and_changes_nothing()
    {
        var (_, open) = await GivenOpenExceptions();
        var item = Small(open);
        await Host.GivenUser("reviewer", "reviewer");
        await Host.Decide(item.ExceptionId, "assign", new AssignRequest(item.Version, "reviewer"));

        var result = await Scenario(x =>
        {
            x.Post.Json(new ResolveRequest(item.Version, "billingCorrected", null)).ToUrl($"/api/exceptions/{item.ExceptionId}/resolve");
            x.StatusCodeShouldBe(409);
        });

        var problem = await result.ReadProblemAsync();
        problem.GetProperty("current").GetProperty("version").GetInt32().ShouldBe(item.Version + 1);
        problem.GetProperty("current").GetProperty("status").GetString().ShouldBe("open");
        var detail = await Host.GetAsJson<ExceptionDetail>($"/api/exceptions/{item.ExceptionId}");
        detail!.Exception.Status.ShouldBe("open");
        detail.History.Count.ShouldBe(2);
    }

    [Fact]
    public async Task a_decision_the_rules_forbid_is_refused_with_a_code()
    {
        var (_, open) = await GivenOpenExceptions();
        var item = Small(open);

        var result = await Scenario(x =>
        {
            x.Post.Json(new ReopenRequest(item.Version, null)).ToUrl($"/api/exceptions/{item.ExceptionId}/reopen");
            x.StatusCodeShouldBe(422);
        });

        (await result.ReadProblemAsync()).GetProperty("code").GetString().ShouldBe("not-closed");
    }

    [Fact]
    public async Task a_repeated_idempotency_key_returns_the_first_response_and_applies_once()
    {
        var (_, open) = await GivenOpenExceptions();
        var item = Small(open);
        var body = new CommentRequest(null, "Called the client");

        var first = await Scenario(x =>
        {
            x.Post.Json(body).ToUrl($"/api/exceptions/{item.ExceptionId}/comments");
            x.WithRequestHeader("Idempotency-Key", "comment-1");
        });
        var second = await Scenario(x =>
        {
            x.Post.Json(body).ToUrl($"/api/exceptions/{item.ExceptionId}/comments");
            x.WithRequestHeader("Idempotency-Key", "comment-1");
            x.Header("Idempotent-Replayed").SingleValueShouldEqual("true");
        });
        await Scenario(x =>
        {
            x.Post.Json(new CommentRequest(null, "Something else")).ToUrl($"/api/exceptions/{item.ExceptionId}/comments");
            x.WithRequestHeader("Idempotency-Key", "comment-1");
            x.StatusCodeShouldBe(422);
        });

        (await second.ReadAsTextAsync()).ShouldBe(await first.ReadAsTextAsync());
        var history = (await Host.GetAsJson<ExceptionDetail>($"/api/exceptions/{item.ExceptionId}"))!.History;
        history.Count(h => h.Type == "commented").ShouldBe(1);
    }

    [Fact]
    public async Task an_idempotency_key_older_than_a_day_is_forgotten()
    {
        var (_, open) = await GivenOpenExceptions();
        var item = Small(open);
        var route = $"POST /api/exceptions/{item.ExceptionId}/comments";
        await using (var session = Store.LightweightSession())
        {
            session.Store(new Infrastructure.IdempotencyRecord
            {
                Id = "an-old-reservation",
                User = Users.TesterUserName,
                Key = "comment-1",
                Route = route,
                RequestHash = "not this body",
                Completed = true,
                StatusCode = 200,
                CreatedAt = DateTimeOffset.UtcNow - Infrastructure.IdempotencyMiddleware.KeptFor - TimeSpan.FromMinutes(1),
            });
            await session.SaveChangesAsync();
        }

        await Scenario(x =>
        {
            x.Post.Json(new CommentRequest(null, "Called the client")).ToUrl($"/api/exceptions/{item.ExceptionId}/comments");
            x.WithRequestHeader("Idempotency-Key", "comment-2");
        });

        await using var query = Store.QuerySession();
        (await query.LoadAsync<Infrastructure.IdempotencyRecord>("an-old-reservation")).ShouldBeNull();
        (await Marten.QueryableExtensions.CountAsync(query.Query<Infrastructure.IdempotencyRecord>())).ShouldBe(1);
    }

    [Fact]
    public async Task a_bulk_decision_reports_each_items_outcome()
    {
        var (periodId, open) = await GivenOpenExceptions();
        var small = open.Where(i => i.Impact <= 1000m).Take(3).ToList();
        await Host.Decide(small[0].ExceptionId, "resolve", new ResolveRequest(small[0].Version, "billingCorrected", null));
        var missing = Guid.NewGuid();
        await Host.GivenUser("approver", "approver");

        var result = await Scenario(x => x.Post.Json(new BulkDecisionRequest(
            [small[0].ExceptionId, small[1].ExceptionId, small[2].ExceptionId, missing], null, new BulkDecision("resolve", "timingDifference", null, null, "Month-end cut-off")))
            .ToUrl("/api/review-queue/bulk"));
        var bulk = await result.ReadAsJsonAsync<BulkDecisionResult>();

        bulk.Results.Select(r => (r.ExceptionId, r.Outcome)).ShouldBe(
            [(small[0].ExceptionId, "refused"), (small[1].ExceptionId, "applied"), (small[2].ExceptionId, "applied"), (missing, "notFound")]);
        bulk.Results[0].Error.ShouldNotBeNull().ShouldContain("closed");
        (bulk.Applied, bulk.PendingApproval, bulk.Failed).ShouldBe((2, 0, 2));

        var assigned = await (await Scenario(x => x.Post.Json(new
        {
            filter = new { periodId, category = small[1].Category, status = "resolved" },
            decision = new { kind = "assign", assignee = "approver" },
        }).ToUrl("/api/review-queue/bulk"))).ReadAsJsonAsync<BulkDecisionResult>();
        assigned.Results.ShouldNotBeEmpty();
        assigned.Results.ShouldAllBe(r => r.Outcome == "applied");
    }

    [Fact]
    public async Task only_existing_enabled_users_can_be_assigned()
    {
        var (_, open) = await GivenOpenExceptions();
        var item = Small(open);

        var result = await Scenario(x =>
        {
            x.Post.Json(new AssignRequest(item.Version, "nobody-here")).ToUrl($"/api/exceptions/{item.ExceptionId}/assign");
            x.StatusCodeShouldBe(422);
        });

        (await result.ReadProblemAsync()).GetProperty("code").GetString().ShouldBe("unknown-assignee");
    }

    [Fact]
    public async Task another_approver_approves_a_write_off_and_it_takes_effect_with_both_names()
    {
        var (periodId, open) = await GivenOpenExceptions();
        var item = Small(open);
        var reviewer = await Host.GivenUser("rita", "reviewer");
        var approver = await Host.GivenUser("fatima", "approver");
        var submitted = await (await Scenario(x =>
        {
            x.Post.Json(new ResolveRequest(item.Version, "writeOff", "Client insolvent")).ToUrl($"/api/exceptions/{item.ExceptionId}/resolve");
            x.As(reviewer);
        })).ReadAsJsonAsync<DecisionResult>();

        await Scenario(x =>
        {
            x.Get.Url("/api/approvals");
            x.As(reviewer);
            x.StatusCodeShouldBe(403);
        });
        var approved = await (await Scenario(x =>
        {
            x.Post.Json(new ApproveRequest("Confirmed with finance")).ToUrl($"/api/exceptions/{item.ExceptionId}/approvals/{submitted.DecisionId}/approve");
            x.As(approver);
        })).ReadAsJsonAsync<DecisionResult>();

        approved.Exception.Status.ShouldBe("resolved");
        approved.Exception.Resolution.ShouldBe("writeOff");
        approved.Exception.PendingDecision.ShouldBeNull();
        var history = (await Host.GetAsJson<ExceptionDetail>($"/api/exceptions/{item.ExceptionId}"))!.History;
        history.Select(h => (h.Type, h.By)).ShouldBe([("opened", "recon-run"), ("submittedForApproval", "rita"), ("approved", "fatima"), ("resolved", "rita")]);
        history[^1].Summary.ShouldContain("approved by fatima");
        (await Host.GetAsJson<ApprovalsPage>("/api/approvals"))!.Items.ShouldBeEmpty();
        (await Host.AllQueuePages($"periodId={periodId}&status=resolved")).ShouldContain(i => i.ExceptionId == item.ExceptionId);
    }

    [Fact]
    public async Task an_approver_rejects_a_pending_decision_and_the_exception_is_open_again()
    {
        var (_, open) = await GivenOpenExceptions();
        var item = Small(open);
        var reviewer = await Host.GivenUser("rita", "reviewer");
        var approver = await Host.GivenUser("fatima", "approver");
        var submitted = await (await Scenario(x =>
        {
            x.Post.Json(new ResolveRequest(item.Version, "writeOff", null)).ToUrl($"/api/exceptions/{item.ExceptionId}/resolve");
            x.As(reviewer);
        })).ReadAsJsonAsync<DecisionResult>();

        var rejected = await (await Scenario(x =>
        {
            x.Post.Json(new RejectRequest("Chase the client first")).ToUrl($"/api/exceptions/{item.ExceptionId}/approvals/{submitted.DecisionId}/reject");
            x.As(approver);
        })).ReadAsJsonAsync<DecisionResult>();

        rejected.Exception.Status.ShouldBe("open");
        var last = (await Host.GetAsJson<ExceptionDetail>($"/api/exceptions/{item.ExceptionId}"))!.History[^1];
        (last.Type, last.By, last.Comment).ShouldBe(("rejected", "fatima", "Chase the client first"));
    }

    [Fact]
    public async Task an_auditor_reads_the_queue_but_cannot_decide()
    {
        var (_, open) = await GivenOpenExceptions();
        var auditor = await Host.GivenUser("audrey", "auditor");

        await Scenario(x =>
        {
            x.Get.Url("/api/review-queue");
            x.As(auditor);
        });
        await Scenario(x =>
        {
            x.Post.Json(new AcceptRequest(open[0].Version, null)).ToUrl($"/api/exceptions/{open[0].ExceptionId}/accept");
            x.As(auditor);
            x.StatusCodeShouldBe(403);
        });
    }

    [Fact]
    public async Task a_write_off_waits_for_an_approver_and_its_maker_cannot_approve_it()
    {
        var (_, open) = await GivenOpenExceptions();
        var item = Small(open);

        var pending = await Host.Decide(item.ExceptionId, "resolve", new ResolveRequest(item.Version, "writeOff", "Not worth chasing"));

        pending.Outcome.ShouldBe("pendingApproval");
        pending.Exception.Status.ShouldBe("pendingApproval");
        var inbox = await Host.GetAsJson<ApprovalsPage>("/api/approvals");
        var waiting = inbox!.Items.ShouldHaveSingleItem();
        waiting.DecisionId.ShouldBe(pending.DecisionId!.Value);
        waiting.ReasonCode.ShouldBe("writeOff");

        var refused = await Scenario(x =>
        {
            x.Post.Json(new ApproveRequest(null)).ToUrl($"/api/exceptions/{item.ExceptionId}/approvals/{pending.DecisionId}/approve");
            x.StatusCodeShouldBe(403);
        });
        (await refused.ReadProblemAsync()).GetProperty("code").GetString().ShouldBe("self-approval");
        (await Host.GetAsJson<ExceptionDetail>($"/api/exceptions/{item.ExceptionId}"))!.Exception.Status.ShouldBe("pendingApproval");
    }

    [Fact]
    public async Task above_the_threshold_a_resolution_waits_for_an_approver()
    {
        var (_, open) = await GivenOpenExceptions();
        var large = open.FirstOrDefault(i => i.Impact > 1000m).ShouldNotBeNull("the seeded month has exceptions above the default threshold of 1,000");

        var pending = await Host.Decide(large.ExceptionId, "accept", new AcceptRequest(large.Version, null));

        pending.Outcome.ShouldBe("pendingApproval");
    }

    [Fact]
    public async Task resolving_exceptions_lowers_the_periods_variance_after_review()
    {
        var (periodId, open) = await GivenOpenExceptions();
        var before = (await Host.GetAsJson<PeriodKpisView>($"/api/periods/{periodId}/kpis"))!.Review!;
        var item = open.Where(i => i.Impact <= 1000m).OrderByDescending(i => Math.Abs(i.Difference)).First();

        await Host.Decide(item.ExceptionId, "resolve", new ResolveRequest(item.Version, "billingCorrected", null));

        var after = (await Host.GetAsJson<PeriodKpisView>($"/api/periods/{periodId}/kpis"))!.Review!;
        after.VarianceBeforeReview.ShouldBe(before.VarianceBeforeReview);
        after.VarianceAfterReview.ShouldBe(Math.Truncate(before.VarianceAfterReview - item.Difference), 1m);
        after.Open.ShouldBe(before.Open - 1);
        after.Resolved.ShouldBe(before.Resolved + 1);
        after.ResolvedByCategory[item.Category].ShouldBe(before.ResolvedByCategory[item.Category] + 1);
        var dashboard = await Host.GetAsJson<Dashboard>("/api/dashboard");
        dashboard!.Periods.ShouldHaveSingleItem().Review!.VarianceAfterReview.ShouldBe(after.VarianceAfterReview);
    }

    [Fact]
    public async Task a_second_run_keeps_reviewers_decisions()
    {
        var (periodId, open) = await GivenOpenExceptions();
        var item = Small(open);
        await Host.Decide(item.ExceptionId, "resolve", new ResolveRequest(item.Version, "creditIssued", null));

        var run = await Host.WaitForRun(await Host.RequestRun(periodId));

        run.Status.ShouldBe(Domain.Runs.RunStatus.Completed);
        var detail = (await Host.GetAsJson<ExceptionDetail>($"/api/exceptions/{item.ExceptionId}"))!;
        detail.Exception.Status.ShouldBe("resolved");
        detail.Exception.RunId.ShouldBe(run.RunId);
        detail.History.Select(h => h.Type).ShouldBe(["opened", "resolved", "refreshedByRun"]);
        (await Host.AllQueuePages($"periodId={periodId}&limit=200")).Count.ShouldBe(open.Count - 1);
    }

    [Fact]
    public async Task an_auditor_replays_the_decision_in_the_periods_event_history()
    {
        var (periodId, open) = await GivenOpenExceptions();
        var item = Small(open);
        await Host.Decide(item.ExceptionId, "resolve", new ResolveRequest(item.Version, "creditIssued", "Credit note CN-1"));

        var events = new List<Audit.AuditEvent>();
        for (var page = 1; ; page++)
        {
            var history = await Host.GetAsJson<Audit.AuditEventsPage>($"/api/audit/periods/{periodId}/events?pageSize=500&page={page}");
            events.AddRange(history!.Items);
            if (events.Count >= history.TotalCount)
            {
                break;
            }
        }

        var caseEvents = events.Where(e => e.StreamId == item.ExceptionId).ToList();
        caseEvents.Select(e => e.Type).ShouldBe(["exception_opened_for_review", "exception_resolved"]);
        caseEvents[1].User.ShouldNotBeNullOrWhiteSpace();
        events.Select(e => e.Sequence).ShouldBeInOrder(SortDirection.Ascending);
    }
}
