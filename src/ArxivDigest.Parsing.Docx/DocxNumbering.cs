using DocumentFormat.OpenXml.Wordprocessing;

namespace ArxivDigest.Parsing.Writers.Docx;

/// <summary>
/// The numbering part: one bulleted and two numbered list definitions (<c>1.</c> and <c>1)</c>), one numbering instance
/// for all bulleted lists and a new one for each numbered list, so that each starts again at its own first number.
/// </summary>
internal sealed class DocxNumbering
{
    /// <summary>The deepest list level used (deeper items are shown at this level).</summary>
    public const int MaxLevel = 2;

    /// <summary>The numbering instance every bulleted list uses.</summary>
    public const int BulletId = 1;

    private const int BulletDefinition = 1;
    private const int DotDefinition = 2;
    private const int ParenthesisDefinition = 3;

    private readonly List<NumberingInstance> _instances = [Instance(BulletId, BulletDefinition, start: null)];

    /// <summary>A new numbered list starting at <paramref name="start"/>, its numbers followed by <paramref name="delimiter"/>.</summary>
    public int NewOrdered(int start, char delimiter)
    {
        int id = _instances.Count + 1;
        _instances.Add(Instance(id, delimiter == ')' ? ParenthesisDefinition : DotDefinition, start));
        return id;
    }

    /// <summary>The numbering part's content (definitions first, as the schema wants).</summary>
    public Numbering Build()
    {
        var numbering = new Numbering(
            Definition(BulletDefinition, level => (NumberFormatValues.Bullet, level switch { 0 => "\u2022", 1 => "\u25E6", _ => "\u25AA" })),
            Definition(DotDefinition, level => (NumberFormatValues.Decimal, $"%{level + 1}.")),
            Definition(ParenthesisDefinition, level => (NumberFormatValues.Decimal, $"%{level + 1})")));
        numbering.Append(_instances);
        return numbering;
    }

    private static NumberingInstance Instance(int id, int definition, int? start)
    {
        var instance = new NumberingInstance(new AbstractNumId { Val = definition }) { NumberID = id };
        if (start is int first)
        {
            instance.AppendChild(new LevelOverride(new StartOverrideNumberingValue { Val = first }) { LevelIndex = 0 });
        }

        return instance;
    }

    private static AbstractNum Definition(int id, Func<int, (NumberFormatValues Format, string Text)> level)
    {
        var definition = new AbstractNum(new MultiLevelType { Val = MultiLevelValues.HybridMultilevel }) { AbstractNumberId = id };
        for (int i = 0; i <= MaxLevel; i++)
        {
            (NumberFormatValues format, string text) = level(i);
            definition.AppendChild(new Level(
                new StartNumberingValue { Val = 1 },
                new NumberingFormat { Val = format },
                new LevelText { Val = text },
                new LevelJustification { Val = LevelJustificationValues.Left },
                new PreviousParagraphProperties(new Indentation { Left = (360 * (i + 1) + 360).ToString(System.Globalization.CultureInfo.InvariantCulture), Hanging = "360" }))
            { LevelIndex = i });
        }

        return definition;
    }
}
