namespace ArxivDigest.Parsing;

/// <summary>How a dialect writes a field's label around its value.</summary>
public enum DialectFieldFrame
{
    /// <summary><c>Label: value</c>.</summary>
    Plain = 0,

    /// <summary><c>**Label:** value</c>.</summary>
    Bold,

    /// <summary><c>&gt; **Label:** value</c>: a blockquote (only the first line carries the <c>&gt;</c>; values are inserted verbatim).</summary>
    Blockquote,

    /// <summary><c>- **Label:** value</c>: a list item.</summary>
    Bullet,

    /// <summary>A heading (<c>#### 🧩 TL;DR</c>) with the value on the lines below it.</summary>
    HeadingAbove,

    /// <summary>A line of its own (<c>**Key Contributions:**</c>, <c>&lt;summary&gt;Abstract&lt;/summary&gt;</c>) with the value on the lines below it.</summary>
    LineAbove,

    /// <summary>A value inside a line with other text (<c>**Read time:** {read_time} min</c>, <c>| **Main category: {cate}**</c>); it cannot hold a line break.</summary>
    WithinLine,
}
