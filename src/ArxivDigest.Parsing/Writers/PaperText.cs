using System.Collections.Immutable;
using System.Text;

namespace ArxivDigest.Parsing.Writers;

/// <summary>
/// Every text value of a paper, by field name, for writers that must change characters their format cannot hold
/// before writing (and say which field they changed).
/// </summary>
internal static class PaperText
{
    /// <summary>Changes a field's value (or returns it as it is); <paramref name="field"/> names it for diagnostics.</summary>
    public delegate string Mapper(string field, string value);

    /// <summary>
    /// The paper with <paramref name="map"/> applied to every text value (title, URL, each author, main category, each
    /// category, section, comment, summaries, abstract, each extra field's label, value and key, each record key's name,
    /// source file), and a default (uninitialized) author or
    /// extra-field array made empty; the same instance when nothing changed.
    /// </summary>
    public static Paper Map(Paper paper, Mapper map)
    {
        string title = map("title", paper.Title);
        string url = map("url", paper.Url);
        ImmutableArray<string> authors = MapAll(paper.Authors, "author", map);
        string? category = MapOrNull(paper.MainCategory, "main category", map);
        ImmutableArray<string> categories = MapAll(paper.Categories, "category", map);
        string? comment = MapOrNull(paper.Comment, "comment", map);
        string? section = MapOrNull(paper.Section, "section", map);
        string? tldr = MapOrNull(paper.Tldr, "TL;DR", map);
        string? motivation = MapOrNull(paper.Motivation, "motivation", map);
        string? method = MapOrNull(paper.Method, "method", map);
        string? result = MapOrNull(paper.Result, "result", map);
        string? conclusion = MapOrNull(paper.Conclusion, "conclusion", map);
        string? summary = MapOrNull(paper.Abstract, "abstract", map);
        string? file = MapOrNull(paper.Location.File, "source file name", map);

        ImmutableArray<PaperField> extras = paper.ExtraFields.IsDefault ? [] : paper.ExtraFields;
        if (!extras.IsEmpty)
        {
            PaperField[]? changed = null;
            for (int i = 0; i < extras.Length; i++)
            {
                PaperField extra = extras[i];
                string label = map("extra field label", extra.Label);
                string value = map(extra.Label.Length > 0 ? "extra field '" + Short(extra.Label) + "'" : "unlabelled extra field", extra.Value);
                string? key = MapOrNull(extra.Key, "extra field key", map);
                if (!ReferenceEquals(label, extra.Label) || !ReferenceEquals(value, extra.Value) || !ReferenceEquals(key, extra.Key))
                {
                    changed ??= [.. extras];
                    changed[i] = extra with { Label = label, Value = value, Key = key };
                }
            }

            if (changed is not null)
            {
                extras = [.. changed];
            }
        }

        ImmutableArray<PaperRecordKey> recordKeys = MapKeys(paper.RecordKeys, map);
        bool same = recordKeys == paper.RecordKeys && ReferenceEquals(title, paper.Title) && ReferenceEquals(url, paper.Url) && authors == paper.Authors
            && ReferenceEquals(category, paper.MainCategory) && categories == paper.Categories && ReferenceEquals(comment, paper.Comment) && ReferenceEquals(section, paper.Section) && ReferenceEquals(tldr, paper.Tldr)
            && ReferenceEquals(motivation, paper.Motivation) && ReferenceEquals(method, paper.Method) && ReferenceEquals(result, paper.Result)
            && ReferenceEquals(conclusion, paper.Conclusion) && ReferenceEquals(summary, paper.Abstract) && extras == paper.ExtraFields
            && ReferenceEquals(file, paper.Location.File);
        return same ? paper : paper with
        {
            Title = title,
            Url = url,
            Authors = authors,
            MainCategory = category,
            Categories = categories,
            Comment = comment,
            Section = section,
            Tldr = tldr,
            Motivation = motivation,
            Method = method,
            Result = result,
            Conclusion = conclusion,
            Abstract = summary,
            ExtraFields = extras,
            RecordKeys = recordKeys,
            Location = paper.Location with { File = file },
        };
    }

    /// <summary>Whether <paramref name="value"/> has a UTF-16 surrogate without its partner (which no UTF can encode).</summary>
    public static bool HasLoneSurrogate(string value)
    {
        int i = value.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF');
        if (i < 0)
        {
            return false;
        }

        for (; i < value.Length; i++)
        {
            char c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The value with each lone surrogate made U+FFFD, and how many there were; the same string when none.</summary>
    public static string ReplaceLoneSurrogates(string value, out int count)
    {
        count = 0;
        if (!HasLoneSurrogate(value))
        {
            return value;
        }

        var sb = new StringBuilder(value.Length);
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                sb.Append(c).Append(value[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                sb.Append('\uFFFD');
                count++;
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>A label shortened for a message, on one line.</summary>
    public static string Short(string text)
    {
        string oneLine = text.ReplaceLineEndings(" ");
        return oneLine.Length <= 40 ? oneLine : string.Concat(oneLine.AsSpan(0, 37), "...");
    }

    private static string? MapOrNull(string? value, string field, Mapper map) => value is null ? null : map(field, value);

    /// <summary>The record's key names mapped as the fields' keys are, so that each still finds its field.</summary>
    private static ImmutableArray<PaperRecordKey> MapKeys(ImmutableArray<PaperRecordKey> keys, Mapper map)
    {
        if (keys.IsDefaultOrEmpty)
        {
            return keys.IsDefault ? [] : keys;
        }

        PaperRecordKey[]? changed = null;
        for (int i = 0; i < keys.Length; i++)
        {
            string name = map("record key", keys[i].Name);
            if (!ReferenceEquals(name, keys[i].Name))
            {
                changed ??= [.. keys];
                changed[i] = keys[i] with { Name = name };
            }
        }

        return changed is null ? keys : [.. changed];
    }

    private static ImmutableArray<string> MapAll(ImmutableArray<string> values, string field, Mapper map)
    {
        if (values.IsDefaultOrEmpty)
        {
            return values.IsDefault ? [] : values;
        }

        string[]? changed = null;
        for (int i = 0; i < values.Length; i++)
        {
            string mapped = map(field, values[i]);
            if (!ReferenceEquals(mapped, values[i]))
            {
                changed ??= [.. values];
                changed[i] = mapped;
            }
        }

        return changed is null ? values : [.. changed];
    }
}
