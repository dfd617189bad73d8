namespace ArxivDigest.Parsing;

/// <summary>One field of a dialect's paper layout, in template order.</summary>
/// <param name="Placeholder">The template's placeholder name (<c>tldr</c>, <c>keywords</c>).</param>
/// <param name="Label">The label as written, without colon or emphasis (<c>TL;DR</c>, <c>主要类别</c>); the placeholder when the template writes none.</param>
/// <param name="Kind">The model property it fills, or <see cref="PaperFieldKind.Other"/> for an extra field.</param>
/// <param name="Key">For an extra field, its <see cref="PaperField.Key"/>; <see langword="null"/> for a model property.</param>
/// <param name="Frame">How the label is written around the value.</param>
public sealed record DialectField(string Placeholder, string Label, PaperFieldKind Kind, string? Key, DialectFieldFrame Frame);
