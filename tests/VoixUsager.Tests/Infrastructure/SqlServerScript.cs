using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace VoixUsager.Tests.Infrastructure;

/// <summary>
/// Reads a T-SQL script the way sqlcmd and SQL Server Management Studio run it: cut into batches at each
/// GO line (a GO token, never the letters inside a string or a comment), each batch parsed on its own by
/// Microsoft's own parser for SQL Server 2022, and the dynamic SQL of <c>EXEC(N'…')</c> parsed as well.
/// </summary>
public static class SqlServerScript
{
    public sealed record Batch(int FirstLine, string Text);

    public sealed record Parsed(IReadOnlyList<Batch> Batches, IReadOnlyList<string> Errors, IReadOnlyList<TSqlFragment> Fragments);

    public static TSqlParser NewParser() => new TSql160Parser(initialQuotedIdentifiers: true);

    /// <summary>Cuts at the GO tokens of the tokenizer, so a "GO" inside a literal or a comment stays where it is.</summary>
    public static List<Batch> SplitBatches(string script)
    {
        using var reader = new StringReader(script);
        var tokens = NewParser().GetTokenStream(reader, out var errors);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Le script ne se découpe pas en lexèmes : " + string.Join("; ", errors.Select(e => $"ligne {e.Line} : {e.Message}")));
        }

        var batches = new List<Batch>();
        var current = new System.Text.StringBuilder();
        var firstLine = 1;
        var skipRestOfGoLine = false;
        foreach (var token in tokens)
        {
            if (token.TokenType == TSqlTokenType.EndOfFile)
            {
                break;
            }

            if (token.TokenType == TSqlTokenType.Go)
            {
                // The next batch's text starts with the end of this line.
                Flush(token.Line);
                // "GO 5" repeats the batch in sqlcmd: the count belongs to the separator, not the next batch.
                skipRestOfGoLine = true;
                continue;
            }

            if (skipRestOfGoLine)
            {
                if (token.TokenType is TSqlTokenType.Integer or TSqlTokenType.WhiteSpace && !token.Text.Contains('\n', StringComparison.Ordinal))
                {
                    continue;
                }

                skipRestOfGoLine = false;
            }

            current.Append(token.Text);
        }

        Flush(0);
        return batches;

        void Flush(int nextFirstLine)
        {
            if (!string.IsNullOrWhiteSpace(current.ToString()))
            {
                batches.Add(new Batch(firstLine, current.ToString()));
            }

            current.Clear();
            firstLine = nextFirstLine;
        }
    }

    public static Parsed Parse(string script)
    {
        var batches = SplitBatches(script);
        var errors = new List<string>();
        var fragments = new List<TSqlFragment>();
        foreach (var (batch, number) in batches.Select((b, i) => (b, i + 1)))
        {
            ParseInto(batch.Text, batch.FirstLine, $"lot n° {number}", errors, fragments);
        }

        return new Parsed(batches, errors, fragments);
    }

    /// <param name="firstLine">The script line <paramref name="sql"/> starts on, or 0 for dynamic SQL (lines of its own text).</param>
    private static void ParseInto(string sql, int firstLine, string where, List<string> errors, List<TSqlFragment> fragments)
    {
        using var reader = new StringReader(sql);
        var fragment = NewParser().Parse(reader, out var parseErrors);
        var lines = sql.Split('\n');
        foreach (var error in parseErrors)
        {
            var line = error.Line >= 1 && error.Line <= lines.Length ? lines[error.Line - 1].Trim() : "";
            var at = firstLine > 0 ? $"ligne {firstLine + error.Line - 1} du script" : $"ligne {error.Line} du texte";
            errors.Add($"{where}, {at}, col. {error.Column} : {error.Message} « {line} »");
        }

        if (parseErrors.Count > 0)
        {
            return;
        }

        fragments.Add(fragment);
        var dynamic = new DynamicSqlFinder();
        fragment.Accept(dynamic);
        foreach (var text in dynamic.Texts)
        {
            ParseInto(text, 0, $"{where}, dans EXEC", errors, fragments);
        }
    }

    /// <summary>The names of the tables the script creates, dynamic SQL included.</summary>
    public static HashSet<string> CreatedTables(Parsed parsed)
    {
        var finder = new CreateTableFinder();
        foreach (var fragment in parsed.Fragments)
        {
            fragment.Accept(finder);
        }

        return finder.Names;
    }

    private sealed class DynamicSqlFinder : TSqlFragmentVisitor
    {
        public List<string> Texts { get; } = [];

        public override void Visit(ExecutableStringList node)
        {
            // EXEC(N'…' + N'…'): only literal parts can be parsed; EF Core writes whole literals.
            if (node.Strings.All(s => s is StringLiteral))
            {
                Texts.Add(string.Concat(node.Strings.Cast<StringLiteral>().Select(s => s.Value)));
            }
        }
    }

    private sealed class CreateTableFinder : TSqlFragmentVisitor
    {
        public HashSet<string> Names { get; } = new(StringComparer.OrdinalIgnoreCase);

        public override void Visit(CreateTableStatement node)
        {
            var schema = node.SchemaObjectName.SchemaIdentifier?.Value;
            var name = node.SchemaObjectName.BaseIdentifier.Value;
            Names.Add(schema is null ? name : $"{schema}.{name}");
        }
    }
}
