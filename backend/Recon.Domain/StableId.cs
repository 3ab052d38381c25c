using System.Security.Cryptography;
using System.Text;

namespace Recon.Domain;

/// <summary>Ids derived from names, so the same name always means the same stream.</summary>
public static class StableId
{
    /// <summary>An RFC 4122 name-based (version 5, SHA-1) UUID of <paramref name="name"/> in <paramref name="namespaceId"/>.</summary>
    public static Guid NameBased(Guid namespaceId, string name)
    {
        var namespaceBytes = namespaceId.ToByteArray(bigEndian: true);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[namespaceBytes.Length + nameBytes.Length];
        namespaceBytes.CopyTo(input, 0);
        nameBytes.CopyTo(input, namespaceBytes.Length);

#pragma warning disable CA5350 // SHA-1 is what RFC 4122 prescribes for v5 ids; it is an identifier, not a security control.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
