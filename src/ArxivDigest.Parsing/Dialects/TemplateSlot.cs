namespace ArxivDigest.Parsing;

/// <summary>What a placeholder of a paper template fills in the model.</summary>
internal enum TemplateSlot : byte
{
    /// <summary>A keyed extra field (<see cref="PaperField.Key"/> is the placeholder's key).</summary>
    Extra = 0,
    MainCategory,
    Tldr,
    Motivation,
    Method,
    Result,
    Conclusion,
    Abstract,
    Comment,
    Categories,
    Index,
    Title,
    Url,
    ArxivId,
    Authors,
}

/// <summary>A placeholder of a paper template (<c>{tldr}</c>) and what it fills.</summary>
/// <param name="Name">The placeholder's name as the template writes it.</param>
/// <param name="Slot">The model property it fills, or <see cref="TemplateSlot.Extra"/>.</param>
/// <param name="Key">For an extra field, its key (the name, or the dialect's rename of it).</param>
/// <param name="Label">The label the template writes before it, without colon or emphasis, or the name when none.</param>
internal sealed record TemplatePlaceholder(string Name, TemplateSlot Slot, string? Key, string Label)
{
    /// <summary>The field kind of a summary slot, or <see cref="PaperFieldKind.Other"/>.</summary>
    public PaperFieldKind FieldKind { get; } = KindOf(Slot);

    private static PaperFieldKind KindOf(TemplateSlot slot) => slot switch
    {
        TemplateSlot.MainCategory => PaperFieldKind.MainCategory,
        TemplateSlot.Tldr => PaperFieldKind.Tldr,
        TemplateSlot.Motivation => PaperFieldKind.Motivation,
        TemplateSlot.Method => PaperFieldKind.Method,
        TemplateSlot.Result => PaperFieldKind.Result,
        TemplateSlot.Conclusion => PaperFieldKind.Conclusion,
        TemplateSlot.Abstract => PaperFieldKind.Abstract,
        TemplateSlot.Comment => PaperFieldKind.Comment,
        TemplateSlot.Categories => PaperFieldKind.Categories,
        _ => PaperFieldKind.Other,
    };

    /// <summary>The slot a placeholder name fills: the generator's own names, and the synonyms forks use.</summary>
    public static TemplateSlot SlotOf(string name) => name.ToLowerInvariant() switch
    {
        "idx" or "index" or "num" or "number" => TemplateSlot.Index,
        "title" => TemplateSlot.Title,
        "url" or "abs" or "link" or "abs_url" => TemplateSlot.Url,
        "id" or "arxiv_id" => TemplateSlot.ArxivId,
        "authors" or "author" => TemplateSlot.Authors,
        "cate" or "category" or "main_category" => TemplateSlot.MainCategory,
        "categories" => TemplateSlot.Categories,
        "tldr" => TemplateSlot.Tldr,
        "motivation" => TemplateSlot.Motivation,
        "method" or "methods" => TemplateSlot.Method,
        "result" or "results" => TemplateSlot.Result,
        "conclusion" or "conclusions" => TemplateSlot.Conclusion,
        "summary" or "abstract" => TemplateSlot.Abstract,
        "comment" => TemplateSlot.Comment,
        _ => TemplateSlot.Extra,
    };
}
