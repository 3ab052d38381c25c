namespace Recon.Domain.Reconciliation.Matching;

/// <summary>One record offered to a subset search: its index and the quantity and amount it contributes.</summary>
internal readonly record struct SubsetItem(int Index, decimal Quantity, decimal Amount);

/// <summary>
/// Bounded subset sums: the first combination (smallest size first, then in the candidates' order of preference) whose
/// quantities and amounts both add up exactly to a target. The last member is found by a hash lookup, so a size-k
/// search costs O(n^(k-1)) over the (capped) candidate list.
/// </summary>
internal static class SubsetSearch
{
    /// <summary>Candidates beyond this many (in order of preference) are not considered.</summary>
    public const int MaxCandidates = 200;

    public static IReadOnlyList<int>? Find(IReadOnlyList<SubsetItem> candidates, decimal quantity, decimal amount, int minSize, int maxSize)
    {
        var count = Math.Min(candidates.Count, MaxCandidates);
        minSize = Math.Max(1, minSize);
        maxSize = Math.Min(maxSize, count);
        if (maxSize < minSize)
        {
            return null;
        }

        var byValue = new Dictionary<(decimal Quantity, decimal Amount), List<int>>();
        for (var position = 0; position < count; position++)
        {
            var key = (candidates[position].Quantity, candidates[position].Amount);
            if (!byValue.TryGetValue(key, out var positions))
            {
                byValue[key] = positions = [];
            }

            positions.Add(position);
        }

        for (var size = minSize; size <= maxSize; size++)
        {
            var chosen = new int[size];
            if (Search(candidates, count, byValue, chosen, 0, 0, quantity, amount))
            {
                return chosen.Select(position => candidates[position].Index).ToList();
            }
        }

        return null;
    }

    /// <summary>Like <see cref="Find"/>, but one member must satisfy <paramref name="required"/> (tried in the candidates' order).</summary>
    public static IReadOnlyList<int>? FindIncluding(
        IReadOnlyList<SubsetItem> candidates, Func<int, bool> required, decimal quantity, decimal amount, int minSize, int maxSize)
    {
        var count = Math.Min(candidates.Count, MaxCandidates);
        for (var size = Math.Max(1, minSize); size <= Math.Min(maxSize, count); size++)
        {
            for (var position = 0; position < count; position++)
            {
                var member = candidates[position];
                if (!required(member.Index))
                {
                    continue;
                }

                if (size == 1)
                {
                    if (member.Quantity == quantity && member.Amount == amount)
                    {
                        return [member.Index];
                    }

                    continue;
                }

                var others = candidates.Take(count).Where((_, other) => other != position).ToList();
                if (Find(others, quantity - member.Quantity, amount - member.Amount, size - 1, size - 1) is { } rest)
                {
                    return [.. rest, member.Index];
                }
            }
        }

        return null;
    }

    private static bool Search(
        IReadOnlyList<SubsetItem> candidates, int count, Dictionary<(decimal, decimal), List<int>> byValue, int[] chosen, int depth, int start, decimal quantity, decimal amount)
    {
        if (depth == chosen.Length - 1)
        {
            if (!byValue.TryGetValue((quantity, amount), out var positions))
            {
                return false;
            }

            foreach (var position in positions)
            {
                if (position >= start)
                {
                    chosen[depth] = position;
                    return true;
                }
            }

            return false;
        }

        for (var position = start; position < count; position++)
        {
            chosen[depth] = position;
            var item = candidates[position];
            if (Search(candidates, count, byValue, chosen, depth + 1, position + 1, quantity - item.Quantity, amount - item.Amount))
            {
                return true;
            }
        }

        return false;
    }
}
