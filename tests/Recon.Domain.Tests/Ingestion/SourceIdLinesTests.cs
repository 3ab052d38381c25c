using Recon.Domain.Ingestion;

namespace Recon.Domain.Tests.Ingestion;

public class when_noting_the_first_line_of_each_source_id
{
    [Fact]
    public void a_new_id_is_added_and_a_repeat_answers_the_line_it_was_first_seen_on()
    {
        var lines = SourceIdLines.Hashed();

        lines.TryAdd("INV-1/1", 2, out var first).ShouldBeTrue();
        first.ShouldBe(2);
        lines.TryAdd("INV-1/2", 3, out _).ShouldBeTrue();

        lines.TryAdd("INV-1/1", 9, out first).ShouldBeFalse();
        first.ShouldBe(2);
        lines.Count.ShouldBe(2);
    }

    [Fact]
    public void a_million_realistic_ids_are_told_apart_by_their_hash()
    {
        var lines = SourceIdLines.Hashed();

        var added = Enumerable.Range(0, 1_000_000).Count(n => lines.TryAdd($"INV-202610-{n / 4:D6}/{n % 4 + 1}", n + 2, out _));

        added.ShouldBe(1_000_000);
        lines.TryAdd("INV-202610-250000/1", 5, out _).ShouldBeTrue();
        lines.TryAdd("INV-202610-012345/2", 5, out var first).ShouldBeFalse();
        first.ShouldBe((12_345 * 4) + 1 + 2);
    }

    [Fact]
    public void ids_sharing_a_hash_look_alike_so_the_caller_must_confirm_a_repeat()
    {
        var lines = SourceIdLines.Hashed(_ => 0);

        lines.TryAdd("JOB-1", 2, out _).ShouldBeTrue();

        lines.IsExact.ShouldBeFalse();
        lines.TryAdd("JOB-2", 3, out var first).ShouldBeFalse();
        first.ShouldBe(2);
    }

    [Fact]
    public void the_exact_kind_compares_the_ids_themselves()
    {
        var lines = SourceIdLines.Exact();

        lines.TryAdd("JOB-1", 2, out _).ShouldBeTrue();
        lines.TryAdd("JOB-2", 3, out _).ShouldBeTrue();
        lines.TryAdd("JOB-1", 4, out var first).ShouldBeFalse();

        lines.IsExact.ShouldBeTrue();
        first.ShouldBe(2);
    }

    [Fact]
    public void the_hash_is_stable_across_processes_and_sees_every_character()
    {
        SourceIdLines.Hash("INV-1/1").ShouldBe(SourceIdLines.Hash(new string("INV-1/1".ToCharArray())));
        SourceIdLines.Hash("INV-1/1").ShouldBe(10_273_409_241_340_079_296UL); // pinned: not randomized per process like string.GetHashCode
        new[] { "", "a", "b", "ab", "ba", "abcd", "abcde", "INV-1/1", "INV-1/2", "INV-11/1" }
            .Select(SourceIdLines.Hash).Distinct().Count().ShouldBe(10);
    }
}
