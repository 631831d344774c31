package dev.pylayer.requirement;

import static dev.pylayer.requirement.Pep508Tokenizer.Rule.AT;
import static dev.pylayer.requirement.Pep508Tokenizer.Rule.BOOLOP;
import static dev.pylayer.requirement.Pep508Tokenizer.Rule.COMMA;
import static dev.pylayer.requirement.Pep508Tokenizer.Rule.END;
import static dev.pylayer.requirement.Pep508Tokenizer.Rule.IDENTIFIER;
import static dev.pylayer.requirement.Pep508Tokenizer.Rule.IN;
import static dev.pylayer.requirement.Pep508Tokenizer.Rule.LEFT_BRACKET;
import static dev.pylayer.requirement.Pep508Tokenizer.Rule.LEFT_PARENTHESIS;
import static dev.pylayer.requirement.Pep508Tokenizer.Rule.NOT;
import static dev.pylayer.requirement.Pep508Tokenizer.Rule.OP;
import static dev.pylayer.requirement.Pep508Tokenizer.Rule.QUOTED_STRING;
import static dev.pylayer.requirement.Pep508Tokenizer.Rule.RIGHT_BRACKET;
import static dev.pylayer.requirement.Pep508Tokenizer.Rule.RIGHT_PARENTHESIS;
import static dev.pylayer.requirement.Pep508Tokenizer.Rule.SEMICOLON;
import static dev.pylayer.requirement.Pep508Tokenizer.Rule.SPECIFIER;
import static dev.pylayer.requirement.Pep508Tokenizer.Rule.URL;
import static dev.pylayer.requirement.Pep508Tokenizer.Rule.VARIABLE;
import static dev.pylayer.requirement.Pep508Tokenizer.Rule.VERSION_LOCAL_LABEL_TRAIL;
import static dev.pylayer.requirement.Pep508Tokenizer.Rule.VERSION_PREFIX_TRAIL;
import static dev.pylayer.requirement.Pep508Tokenizer.Rule.WS;

import dev.pylayer.requirement.MarkerTree.Atom;
import dev.pylayer.requirement.MarkerTree.Comparison;
import dev.pylayer.requirement.MarkerTree.Group;
import dev.pylayer.requirement.MarkerTree.Operand;
import dev.pylayer.requirement.Pep508Tokenizer.SyntaxError;
import java.util.ArrayList;
import java.util.List;

/**
 * packaging's hand-written recursive-descent parser ({@code _parser.py}), rule for rule, so that pylayer
 * accepts and rejects the same requirement strings as pip and reports the same place when it rejects one.
 */
final class Pep508Parser {
    /** A requirement's parts as written; {@code url} and {@code specifier} are empty when absent. */
    record Parsed(String name, String url, List<String> extras, String specifier, Group marker) {
    }

    private final Pep508Tokenizer tokenizer;

    private Pep508Parser(String source) {
        this.tokenizer = new Pep508Tokenizer(source);
    }

    static Parsed requirement(String source) throws SyntaxError {
        return new Pep508Parser(source).parseRequirement();
    }

    static Group marker(String source) throws SyntaxError {
        Pep508Parser parser = new Pep508Parser(source);
        Group marker = parser.parseMarker();
        parser.tokenizer.expect(END, "end of marker expression");
        return marker;
    }

    // requirement = WS? IDENTIFIER WS? extras WS? requirement_details
    private Parsed parseRequirement() throws SyntaxError {
        tokenizer.consume(WS);
        String name = tokenizer.expect(IDENTIFIER, "package name at the start of dependency specifier");
        tokenizer.consume(WS);
        List<String> extras = parseExtras();
        tokenizer.consume(WS);
        String url = "";
        String specifier = "";
        Group marker = null;
        // requirement_details = AT URL (WS requirement_marker?)? | specifier WS? (requirement_marker)?
        if (tokenizer.check(AT)) {
            tokenizer.read();
            tokenizer.consume(WS);
            int urlStart = tokenizer.position;
            url = tokenizer.expect(URL, "URL after @");
            if (!tokenizer.peek(END)) {
                tokenizer.expect(WS, "whitespace after URL");
                if (!tokenizer.peek(END)) {
                    marker = parseRequirementMarker(urlStart, "semicolon (after URL and whitespace)");
                }
            }
        } else {
            int specifierStart = tokenizer.position;
            specifier = parseSpecifier();
            tokenizer.consume(WS);
            if (!tokenizer.peek(END)) {
                marker = parseRequirementMarker(specifierStart, specifier.isEmpty()
                        ? "semicolon (after name with no version specifier)"
                        : "comma (within version specifier), semicolon (after version specifier)");
            }
        }
        tokenizer.expect(END, "end of dependency specifier");
        return new Parsed(name, url, extras, specifier, marker);
    }

    // requirement_marker = SEMICOLON marker WS?
    private Group parseRequirementMarker(int spanStart, String expected) throws SyntaxError {
        if (!tokenizer.check(SEMICOLON)) {
            throw tokenizer.error("Expected " + expected + " or end", spanStart, tokenizer.position);
        }
        tokenizer.read();
        Group marker = parseMarker();
        tokenizer.consume(WS);
        return marker;
    }

    // extras = (LEFT_BRACKET wsp* extras_list? wsp* RIGHT_BRACKET)?
    private List<String> parseExtras() throws SyntaxError {
        if (!tokenizer.peek(LEFT_BRACKET)) {
            return List.of();
        }
        int open = openEnclosing(LEFT_BRACKET);
        tokenizer.consume(WS);
        List<String> extras = parseExtrasList();
        tokenizer.consume(WS);
        closeEnclosing(open, RIGHT_BRACKET, LEFT_BRACKET, "extras");
        return extras;
    }

    // extras_list = identifier (wsp* ',' wsp* identifier)*
    private List<String> parseExtrasList() throws SyntaxError {
        List<String> extras = new ArrayList<>();
        if (!tokenizer.check(IDENTIFIER)) {
            return extras;
        }
        extras.add(tokenizer.read());
        while (true) {
            tokenizer.consume(WS);
            if (tokenizer.peek(IDENTIFIER)) {
                throw tokenizer.error("Expected comma between extra names");
            } else if (!tokenizer.check(COMMA)) {
                break;
            }
            tokenizer.read();
            tokenizer.consume(WS);
            extras.add(tokenizer.expect(IDENTIFIER, "extra name after comma"));
        }
        return extras;
    }

    // specifier = LEFT_PARENTHESIS WS? version_many WS? RIGHT_PARENTHESIS | WS? version_many WS?
    private String parseSpecifier() throws SyntaxError {
        int open = openEnclosing(LEFT_PARENTHESIS);
        tokenizer.consume(WS);
        String specifiers = parseVersionMany();
        tokenizer.consume(WS);
        closeEnclosing(open, RIGHT_PARENTHESIS, LEFT_PARENTHESIS, "version specifier");
        return specifiers;
    }

    // version_many = (SPECIFIER (WS? COMMA WS? SPECIFIER)*)?
    private String parseVersionMany() throws SyntaxError {
        StringBuilder specifiers = new StringBuilder();
        while (tokenizer.check(SPECIFIER)) {
            int spanStart = tokenizer.position;
            specifiers.append(tokenizer.read());
            if (tokenizer.peek(VERSION_PREFIX_TRAIL)) {
                throw tokenizer.error(".* suffix can only be used with `==` or `!=` operators", spanStart,
                        tokenizer.position + 1);
            }
            if (tokenizer.peek(VERSION_LOCAL_LABEL_TRAIL)) {
                throw tokenizer.error("Local version label can only be used with `==` or `!=` operators",
                        spanStart, tokenizer.position);
            }
            tokenizer.consume(WS);
            if (!tokenizer.check(COMMA)) {
                break;
            }
            specifiers.append(tokenizer.read());
            tokenizer.consume(WS);
        }
        return specifiers.toString();
    }

    // marker = marker_atom (BOOLOP marker_atom)+
    private Group parseMarker() throws SyntaxError {
        List<Atom> atoms = new ArrayList<>();
        List<String> joins = new ArrayList<>();
        atoms.add(parseMarkerAtom());
        while (tokenizer.check(BOOLOP)) {
            joins.add(tokenizer.read());
            atoms.add(parseMarkerAtom());
        }
        return new Group(atoms, joins);
    }

    // marker_atom = WS? LEFT_PARENTHESIS WS? marker WS? RIGHT_PARENTHESIS WS? | WS? marker_item WS?
    private Atom parseMarkerAtom() throws SyntaxError {
        tokenizer.consume(WS);
        Atom atom;
        if (tokenizer.peek(LEFT_PARENTHESIS)) {
            int open = openEnclosing(LEFT_PARENTHESIS);
            tokenizer.consume(WS);
            atom = parseMarker();
            tokenizer.consume(WS);
            closeEnclosing(open, RIGHT_PARENTHESIS, LEFT_PARENTHESIS, "marker expression");
        } else {
            atom = parseMarkerItem();
        }
        tokenizer.consume(WS);
        return atom;
    }

    // marker_item = WS? marker_var WS? marker_op WS? marker_var WS?
    private Comparison parseMarkerItem() throws SyntaxError {
        tokenizer.consume(WS);
        Operand left = parseMarkerVar();
        tokenizer.consume(WS);
        String op = parseMarkerOp();
        tokenizer.consume(WS);
        Operand right = parseMarkerVar();
        tokenizer.consume(WS);
        return new Comparison(left, op, right);
    }

    // marker_var = VARIABLE | QUOTED_STRING
    private Operand parseMarkerVar() throws SyntaxError {
        if (tokenizer.check(VARIABLE)) {
            String name = tokenizer.read().replace('.', '_');
            // setuptools' legacy python_implementation is platform_python_implementation.
            return new Operand(true, name.equals("python_implementation") ? "platform_python_implementation" : name);
        }
        if (tokenizer.check(QUOTED_STRING)) {
            int start = tokenizer.position;
            String quoted = tokenizer.read();
            try {
                return new Operand(false, PythonStringLiteral.value(quoted));
            } catch (PythonStringLiteral.Malformed e) {
                throw tokenizer.error("Invalid quoted string: " + e.getMessage(), start, tokenizer.position);
            }
        }
        throw tokenizer.error("Expected a marker variable or quoted string");
    }

    // marker_op = IN | NOT IN | OP
    private String parseMarkerOp() throws SyntaxError {
        if (tokenizer.check(IN)) {
            tokenizer.read();
            return "in";
        }
        if (tokenizer.check(NOT)) {
            tokenizer.read();
            tokenizer.expect(WS, "whitespace after 'not'");
            tokenizer.expect(IN, "'in' after 'not'");
            return "not in";
        }
        if (tokenizer.check(OP)) {
            return tokenizer.read();
        }
        throw tokenizer.error("Expected marker operator, one of <=, <, !=, ==, >=, >, ~=, ===, in, not in");
    }

    /** The position of the opening token if it is next (and reads it), else -1: packaging's enclosing_tokens. */
    private int openEnclosing(Pep508Tokenizer.Rule open) {
        if (!tokenizer.check(open)) {
            return -1;
        }
        int position = tokenizer.position;
        tokenizer.read();
        return position;
    }

    private void closeEnclosing(int openPosition, Pep508Tokenizer.Rule close, Pep508Tokenizer.Rule open,
            String around) throws SyntaxError {
        if (openPosition < 0) {
            return;
        }
        if (!tokenizer.check(close)) {
            throw tokenizer.error("Expected matching " + close + " for " + open + ", after " + around,
                    openPosition, tokenizer.position);
        }
        tokenizer.read();
    }
}
