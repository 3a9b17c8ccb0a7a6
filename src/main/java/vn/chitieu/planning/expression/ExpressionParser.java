package vn.chitieu.planning.expression;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import vn.chitieu.planning.expression.Expr.Arithmetic;
import vn.chitieu.planning.expression.Expr.Comparison;
import vn.chitieu.planning.expression.Expr.Comparator;
import vn.chitieu.planning.expression.Expr.Logical;
import vn.chitieu.planning.expression.Expr.Not;
import vn.chitieu.planning.expression.Expr.Num;
import vn.chitieu.planning.expression.Expr.Ref;

/**
 * Reads expressions such as {@code land_area_m2 / pupils >= 10},
 * {@code is_high_quality and is_smart_school} or
 * {@code teachers_masters_plus <= teachers_university_plus <= teachers}.
 *
 * <pre>
 * condition  := and ("or" and)*
 * and        := not ("and" not)*
 * not        := "not" not | comparison
 * comparison := sum (op sum)*          a chain a &lt;= b &lt;= c means a &lt;= b and b &lt;= c
 * sum        := product (("+" | "-") product)*
 * product    := unary (("*" | "/") unary)*
 * unary      := "-" unary | primary
 * primary    := number | metric | "district." metric | "(" condition ")"
 * </pre>
 */
public final class ExpressionParser {

	private static final int MAX_LENGTH = 2000;

	private final String text;

	private final List<Token> tokens;

	private int position;

	private ExpressionParser(String text) {
		this.text = text;
		this.tokens = tokenize(text);
	}

	/**
	 * Parses an expression.
	 * @param text the expression
	 * @return the parsed expression
	 * @throws ExpressionException if it cannot be read
	 */
	public static Expr parse(String text) {
		if (text == null || text.isBlank()) {
			throw new ExpressionException(1, "expression.error.empty");
		}
		if (text.length() > MAX_LENGTH) {
			throw new ExpressionException(MAX_LENGTH, "expression.error.tooLong", MAX_LENGTH);
		}
		var parser = new ExpressionParser(text);
		var expr = parser.or();
		if (parser.position < parser.tokens.size()) {
			var token = parser.tokens.get(parser.position);
			throw new ExpressionException(token.column, "expression.error.unexpected", token.text);
		}
		return expr;
	}

	private Expr or() {
		var left = and();
		while (accept("or")) {
			var at = previous();
			left = new Logical(false, requireCondition(left, at), requireCondition(and(), at));
		}
		return left;
	}

	private Expr and() {
		var left = not();
		while (accept("and")) {
			var at = previous();
			left = new Logical(true, requireCondition(left, at), requireCondition(not(), at));
		}
		return left;
	}

	private Expr not() {
		if (accept("not")) {
			var at = previous();
			return new Not(requireCondition(not(), at));
		}
		return comparison();
	}

	private Expr comparison() {
		var left = sum();
		Expr result = null;
		while (peekComparator() != null) {
			var operator = peekComparator();
			var at = this.tokens.get(this.position++);
			var right = sum();
			var comparison = new Comparison(operator, requireNumber(left, at), requireNumber(right, at));
			result = (result == null) ? comparison : new Logical(true, result, comparison);
			left = right;
		}
		return (result != null) ? result : left;
	}

	private Expr sum() {
		var left = product();
		while (peek("+") || peek("-")) {
			var at = this.tokens.get(this.position++);
			left = new Arithmetic(at.text.charAt(0), requireNumber(left, at), requireNumber(product(), at));
		}
		return left;
	}

	private Expr product() {
		var left = unary();
		while (peek("*") || peek("/")) {
			var at = this.tokens.get(this.position++);
			left = new Arithmetic(at.text.charAt(0), requireNumber(left, at), requireNumber(unary(), at));
		}
		return left;
	}

	private Expr unary() {
		if (accept("-")) {
			var at = previous();
			return new Arithmetic('-', new Num(BigDecimal.ZERO), requireNumber(unary(), at));
		}
		return primary();
	}

	private Expr primary() {
		if (this.position >= this.tokens.size()) {
			throw new ExpressionException(this.text.length() + 1, "expression.error.end");
		}
		var token = this.tokens.get(this.position++);
		return switch (token.type) {
			case NUMBER -> new Num(new BigDecimal(token.text));
			case NAME -> name(token);
			case SYMBOL -> {
				if (!token.text.equals("(")) {
					throw new ExpressionException(token.column, "expression.error.unexpected", token.text);
				}
				var inner = or();
				if (!accept(")")) {
					throw new ExpressionException(currentColumn(), "expression.error.closingParenthesis");
				}
				yield inner;
			}
		};
	}

	private Expr name(Token token) {
		switch (token.text) {
			case "and", "or", "not" ->
				throw new ExpressionException(token.column, "expression.error.unexpected", token.text);
			default -> {
			}
		}
		if (token.text.equals("district")) {
			if (!accept(".")) {
				throw new ExpressionException(currentColumn(), "expression.error.districtDot");
			}
			if (this.position >= this.tokens.size() || this.tokens.get(this.position).type != Type.NAME) {
				throw new ExpressionException(currentColumn(), "expression.error.districtDot");
			}
			var metric = this.tokens.get(this.position++);
			return new Ref(metric.text, true, token.column);
		}
		return new Ref(token.text, false, token.column);
	}

	private Expr requireCondition(Expr expr, Token at) {
		if (!expr.isCondition() && !(expr instanceof Ref)) {
			throw new ExpressionException(at.column, "expression.error.notCondition", at.text);
		}
		return expr;
	}

	private Expr requireNumber(Expr expr, Token at) {
		if (expr.isCondition()) {
			throw new ExpressionException(at.column, "expression.error.notNumber", at.text);
		}
		return expr;
	}

	private Comparator peekComparator() {
		if (this.position >= this.tokens.size()) {
			return null;
		}
		return switch (this.tokens.get(this.position).text) {
			case "<" -> Comparator.LT;
			case "<=", "≤" -> Comparator.LE;
			case ">" -> Comparator.GT;
			case ">=", "≥" -> Comparator.GE;
			case "=", "==" -> Comparator.EQ;
			case "!=", "<>", "≠" -> Comparator.NE;
			default -> null;
		};
	}

	private boolean peek(String text) {
		return this.position < this.tokens.size() && this.tokens.get(this.position).text.equals(text);
	}

	private boolean accept(String text) {
		if (peek(text)) {
			this.position++;
			return true;
		}
		return false;
	}

	private Token previous() {
		return this.tokens.get(this.position - 1);
	}

	private int currentColumn() {
		return (this.position < this.tokens.size()) ? this.tokens.get(this.position).column : this.text.length() + 1;
	}

	private static List<Token> tokenize(String text) {
		var tokens = new ArrayList<Token>();
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (Character.isWhitespace(c)) {
				i++;
			}
			else if (Character.isDigit(c)) {
				int start = i;
				while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
					i++;
				}
				var number = text.substring(start, i);
				if (!number.matches("\\d+(\\.\\d+)?")) {
					throw new ExpressionException(start + 1, "expression.error.number", number);
				}
				tokens.add(new Token(Type.NUMBER, number, start + 1));
			}
			else if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_') {
				int start = i;
				while (i < text.length() && isNamePart(text.charAt(i))) {
					i++;
				}
				tokens.add(new Token(Type.NAME, text.substring(start, i), start + 1));
			}
			else {
				var two = (i + 1 < text.length()) ? text.substring(i, i + 2) : "";
				if (List.of("<=", ">=", "!=", "<>", "==").contains(two)) {
					tokens.add(new Token(Type.SYMBOL, two, i + 1));
					i += 2;
				}
				else if ("+-*/()<>=.≤≥≠".indexOf(c) >= 0) {
					tokens.add(new Token(Type.SYMBOL, String.valueOf(c), i + 1));
					i++;
				}
				else {
					throw new ExpressionException(i + 1, "expression.error.character", String.valueOf(c));
				}
			}
		}
		return tokens;
	}

	private static boolean isNamePart(char c) {
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
	}

	private enum Type {

		NUMBER, NAME, SYMBOL

	}

	private record Token(Type type, String text, int column) {
	}

}
