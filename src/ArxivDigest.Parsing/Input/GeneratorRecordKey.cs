namespace ArxivDigest.Parsing;

/// <summary>The keys of the generator's JSON record that the model has properties for (and <c>pdf</c>, which it derives).</summary>
internal enum GeneratorRecordKey
{
    Other,
    Id,
    Categories,
    Pdf,
    Abs,
    Authors,
    Title,
    Comment,
    Summary,
    AI,
    Tldr,
    Motivation,
    Method,
    Result,
    Conclusion,
}

/// <summary>The names of <see cref="GeneratorRecordKey"/>s, shared by the JSON-lines reader and the <c>daily-arxiv</c> writer.</summary>
internal static class GeneratorRecordKeys
{
    /// <summary>How many keys there are, <see cref="GeneratorRecordKey.Other"/> included.</summary>
    public const int Count = (int)GeneratorRecordKey.Conclusion + 1;

    private static readonly string[] Names =
        ["", "id", "categories", "pdf", "abs", "authors", "title", "comment", "summary", "AI", "tldr", "motivation", "method", "result", "conclusion"];

    /// <summary>The key's name in the record (or in its <c>AI</c> object, from <see cref="GeneratorRecordKey.Tldr"/> on).</summary>
    public static string NameOf(GeneratorRecordKey key)
        => key is > GeneratorRecordKey.Other and <= GeneratorRecordKey.Conclusion ? Names[(int)key] : throw new ArgumentOutOfRangeException(nameof(key));

    /// <summary>Whether the key is one of the <c>AI</c> object's.</summary>
    public static bool InAi(GeneratorRecordKey key) => key >= GeneratorRecordKey.Tldr;

    /// <summary>The key a name is, at the record's top level or in its <c>AI</c> object.</summary>
    public static GeneratorRecordKey Of(ReadOnlySpan<byte> utf8Name, bool inAi)
    {
        for (int i = 1; i < Names.Length; i++)
        {
            if (InAi((GeneratorRecordKey)i) == inAi && utf8Name.Length == Names[i].Length && Equal(utf8Name, Names[i]))
            {
                return (GeneratorRecordKey)i;
            }
        }

        return GeneratorRecordKey.Other;
    }

    /// <summary>The key a name is, in the given scope.</summary>
    public static GeneratorRecordKey Of(string name, PaperFieldScope scope)
    {
        bool inAi = scope == PaperFieldScope.AI;
        for (int i = 1; i < Names.Length; i++)
        {
            if (InAi((GeneratorRecordKey)i) == inAi && string.Equals(name, Names[i], StringComparison.Ordinal))
            {
                return (GeneratorRecordKey)i;
            }
        }

        return GeneratorRecordKey.Other;
    }

    // The names are ASCII: a byte-for-char comparison.
    private static bool Equal(ReadOnlySpan<byte> utf8, string ascii)
    {
        for (int i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] != ascii[i])
            {
                return false;
            }
        }

        return true;
    }
}
