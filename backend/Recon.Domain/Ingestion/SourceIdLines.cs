using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Recon.Domain.Ingestion;

/// <summary>
/// The line on which each source id of a file first appeared, to reject repeats. <see cref="Hashed"/> keeps only a
/// 64-bit hash of each id beside its line: 16 bytes a slot, in 1,024 tables that each grow on their own and stay off
/// the large object heap up to about 3 million ids. A million-row file costs about 32 MB, where the ids themselves in
/// a dictionary cost well over 100 MB. Two ids with the same hash look alike there, so its "seen before" is a claim
/// the caller confirms against the ids themselves; <see cref="Exact"/> compares the ids, for a file in which two ids
/// were found to share a hash.
/// </summary>
public sealed class SourceIdLines
{
    private const int SegmentBits = 10;
    private const int InitialSegmentSize = 16;

    private readonly Dictionary<string, long>? _exact;
    private readonly Func<string, ulong> _hash;
    private readonly Segment?[] _segments;

    private SourceIdLines(Dictionary<string, long>? exact, Func<string, ulong> hash)
    {
        _exact = exact;
        _hash = hash;
        _segments = exact is null ? new Segment?[1 << SegmentBits] : [];
    }

    /// <summary>Compares ids by hash: "seen before" means "an id with the same hash was seen".</summary>
    /// <param name="hash">The hash of an id; <see cref="Hash"/> unless a test needs collisions.</param>
    public static SourceIdLines Hashed(Func<string, ulong>? hash = null) => new(null, hash ?? Hash);

    /// <summary>Compares the ids themselves (and holds them all).</summary>
    public static SourceIdLines Exact() => new(new Dictionary<string, long>(StringComparer.Ordinal), Hash);

    /// <summary>Whether "seen before" is certain (<see cref="Exact"/>) rather than a claim to confirm.</summary>
    public bool IsExact => _exact is not null;

    public int Count { get; private set; }

    /// <summary>
    /// Notes that <paramref name="sourceId"/> appears on <paramref name="line"/>; false when it (or, unless
    /// <see cref="IsExact"/>, an id with the same hash) was seen before, with the line it was first seen on.
    /// </summary>
    public bool TryAdd(string sourceId, long line, out long firstLine)
    {
        if (_exact is not null)
        {
            if (_exact.TryAdd(sourceId, line))
            {
                Count++;
                firstLine = line;
                return true;
            }

            firstLine = _exact[sourceId];
            return false;
        }

        var hash = _hash(sourceId);
        hash = hash == 0 ? 1 : hash; // 0 marks an empty slot
        ref var segment = ref _segments[(int)(hash >> (64 - SegmentBits))];
        segment ??= new Segment(InitialSegmentSize);
        if (segment.TryAdd(hash, line, out firstLine))
        {
            Count++;
            return true;
        }

        return false;
    }

    /// <summary>A stable 64-bit hash of a string's UTF-16 code units (xxHash64's round and avalanche steps).</summary>
    public static ulong Hash(string value)
    {
        const ulong Prime1 = 0x9E3779B185EBCA87UL;
        const ulong Prime2 = 0xC2B2AE3D27D4EB4FUL;
        const ulong Prime3 = 0x165667B19E3779F9UL;
        var bytes = MemoryMarshal.AsBytes(value.AsSpan());
        var hash = Prime3 + (ulong)bytes.Length;
        while (bytes.Length >= 8)
        {
            hash ^= BitOperations.RotateLeft(BinaryPrimitives.ReadUInt64LittleEndian(bytes) * Prime2, 31) * Prime1;
            hash = (BitOperations.RotateLeft(hash, 27) * Prime1) + Prime3;
            bytes = bytes[8..];
        }

        if (bytes.Length > 0)
        {
            ulong tail = 0;
            for (var i = bytes.Length - 1; i >= 0; i--)
            {
                tail = (tail << 8) | bytes[i];
            }

            hash ^= BitOperations.RotateLeft(tail * Prime2, 31) * Prime1;
            hash = (BitOperations.RotateLeft(hash, 27) * Prime1) + Prime3;
        }

        hash ^= hash >> 33;
        hash *= Prime2;
        hash ^= hash >> 29;
        hash *= Prime3;
        hash ^= hash >> 32;
        return hash;
    }

    [StructLayout(LayoutKind.Auto)]
    private struct Slot
    {
        public ulong Hash;
        public long Line;
    }

    /// <summary>An open-addressing table (linear probing, at most 3/4 full) of one 1,024th of the hashes.</summary>
    private sealed class Segment(int size)
    {
        private Slot[] _slots = new Slot[size];
        private int _count;

        public bool TryAdd(ulong hash, long line, out long firstLine)
        {
            var mask = _slots.Length - 1;
            var index = (int)hash & mask;
            while (_slots[index].Hash != 0)
            {
                if (_slots[index].Hash == hash)
                {
                    firstLine = _slots[index].Line;
                    return false;
                }

                index = (index + 1) & mask;
            }

            _slots[index] = new Slot { Hash = hash, Line = line };
            firstLine = line;
            if (++_count * 4 > _slots.Length * 3)
            {
                Grow();
            }

            return true;
        }

        private void Grow()
        {
            var old = _slots;
            _slots = new Slot[old.Length * 2];
            var mask = _slots.Length - 1;
            foreach (var slot in old)
            {
                if (slot.Hash == 0)
                {
                    continue;
                }

                var index = (int)slot.Hash & mask;
                while (_slots[index].Hash != 0)
                {
                    index = (index + 1) & mask;
                }

                _slots[index] = slot;
            }
        }
    }
}
