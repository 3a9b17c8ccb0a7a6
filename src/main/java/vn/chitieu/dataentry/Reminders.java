package vn.chitieu.dataentry;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.chitieu.audit.AuditLog;
import vn.chitieu.audit.AuditRecord;
import vn.chitieu.orgunit.SchoolYear;
import vn.chitieu.orgunit.SchoolYears;
import vn.chitieu.security.Role;
import vn.chitieu.security.UserSummary;
import vn.chitieu.security.Users;

/**
 * Reminder e-mails (thư nhắc nộp báo cáo) to the schools late with their report, sent by
 * the Office when a mail server is configured ({@code spring.mail.host}). Each late
 * school's active users with an e-mail address get one message from a Vietnamese template
 * ({@code mail/reminder.txt}; users have no language of their own, so every reminder is
 * in Vietnamese). The messages are sent outside any database transaction; a refusal for
 * one address does not stop the others; every recipient's outcome is recorded ({@code
 * reminder}) and every school reminded is audited. A send is named by a token from the
 * page it came from: the same token twice (a double click) sends once.
 */
@Service
public class Reminders {

	static final String ACTION = "REMINDER_SENT";

	private static final Logger log = LoggerFactory.getLogger(Reminders.class);

	/** An e-mail address, as the users' contact field may hold one. */
	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final LateUnits lateUnits;

	private final Users users;

	private final SchoolYears years;

	private final JdbcTemplate jdbc;

	private final AuditLog audit;

	private final ObjectProvider<JavaMailSender> mail;

	private final TransactionTemplate transactions;

	private final SpringTemplateEngine templates;

	private final String from;

	private final String baseUrl;

	Reminders(LateUnits lateUnits, Users users, SchoolYears years, JdbcTemplate jdbc, AuditLog audit,
			ObjectProvider<JavaMailSender> mail, PlatformTransactionManager transactions,
			@Value("${chitieu.mail.from:}") String from, @Value("${chitieu.base-url:}") String baseUrl) {
		this.lateUnits = lateUnits;
		this.users = users;
		this.years = years;
		this.jdbc = jdbc;
		this.audit = audit;
		this.mail = mail;
		this.transactions = new TransactionTemplate(transactions);
		this.from = from.isBlank() ? "chitieu@localhost" : from.strip();
		this.baseUrl = baseUrl.strip().replaceAll("/+$", "");
		var resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("mail/");
		resolver.setSuffix(".txt");
		resolver.setTemplateMode(TemplateMode.TEXT);
		resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
		this.templates = new SpringTemplateEngine();
		this.templates.setTemplateResolver(resolver);
	}

	/**
	 * @return whether a mail server is configured ({@code spring.mail.host})
	 */
	public boolean isConfigured() {
		return this.mail.getIfAvailable() != null;
	}

	/**
	 * The late schools of a year that still owe their report, with who would be reminded
	 * and the last reminder.
	 * @param year the school year
	 * @param today the day it is
	 * @return the schools, in the late list's order
	 */
	public List<UnitReminders> overview(SchoolYear year, LocalDate today) {
		var addresses = addresses();
		var last = lastReminders(year);
		var rows = new ArrayList<UnitReminders>();
		for (var unit : owing(year, today)) {
			var recent = last.get(unit.school().id());
			rows.add((recent != null)
					? new UnitReminders(unit, addresses.getOrDefault(unit.school().id(), List.of()), recent.at(),
							recent.sent(), recent.failed(), recent.errors())
					: new UnitReminders(unit, addresses.getOrDefault(unit.school().id(), List.of()), null, 0, 0,
							List.of()));
		}
		return rows;
	}

	/**
	 * Sends reminders to the late schools of an open year with a deadline.
	 * @param year the school year
	 * @param unitIds the schools chosen; empty for every late school
	 * @param token the token of the page the send came from
	 * @param actor who sends them
	 * @param requestBaseUrl the application's address as the request saw it, used when
	 * {@code chitieu.base-url} is not set
	 * @param today the day it is
	 * @return what was sent
	 * @throws ReminderException if nothing can be sent (no mail server, closed year, no
	 * deadline, nobody chosen, already sent)
	 */
	@PreAuthorize("hasRole('OFFICE')")
	public ReminderOutcome send(SchoolYear year, Set<Long> unitIds, UUID token, String actor, String requestBaseUrl,
			LocalDate today) {
		var sender = this.mail.getIfAvailable();
		if (sender == null) {
			throw new ReminderException("reminder.error.notConfigured");
		}
		if (token == null) {
			throw new ReminderException("reminder.error.token");
		}
		if (!this.years.isOpen(year)) {
			throw new ReminderException("reminder.error.closed");
		}
		if (this.years.deadlines(year).isEmpty()) {
			throw new ReminderException("reminder.error.noDeadline");
		}
		var chosen = overview(year, today).stream()
			.filter((u) -> unitIds.isEmpty() || unitIds.contains(u.unit().school().id()))
			.toList();
		if (chosen.isEmpty()) {
			throw new ReminderException("reminder.error.noneChosen");
		}
		try {
			this.transactions.executeWithoutResult((status) -> this.jdbc.update(
					"insert into reminder_batch (token, school_year, sent_by, started_at) values (?, ?, ?, ?)", token,
					year.startYear(), actor, Timestamp.from(Instant.now())));
		}
		catch (DuplicateKeyException ex) {
			throw new ReminderException("reminder.error.alreadySent");
		}
		var base = this.baseUrl.isEmpty() ? requestBaseUrl.replaceAll("/+$", "") : this.baseUrl;
		var results = new ArrayList<Result>();
		int unreachable = 0;
		for (var unit : chosen) {
			if (!unit.reachable()) {
				unreachable++;
				continue;
			}
			var message = render(unit.unit(), year, today, base);
			for (var address : unit.addresses()) {
				results.add(deliver(sender, unit.unit().school().id(), address, message));
			}
		}
		record(token, year, actor, results);
		var failures = results.stream().filter((r) -> r.error() != null).map((r) -> r.address() + ": " + r.error());
		int sent = (int) results.stream().filter((r) -> r.error() == null).count();
		return new ReminderOutcome((int) chosen.stream().filter(UnitReminders::reachable).count(), sent,
				results.size() - sent, unreachable, failures.toList());
	}

	private Result deliver(JavaMailSender sender, long unitId, String address, Message message) {
		try {
			var mime = sender.createMimeMessage();
			var helper = new MimeMessageHelper(mime, false, StandardCharsets.UTF_8.name());
			helper.setFrom(this.from);
			helper.setTo(address);
			helper.setSubject(message.subject());
			helper.setText(message.body(), false);
			sender.send(mime);
			return new Result(unitId, address, Instant.now(), null);
		}
		catch (MailException | MessagingException ex) {
			log.warn("Reminder to {} not sent: {}", address, ex.getMessage());
			var error = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
			return new Result(unitId, address, Instant.now(),
					(error.length() > 1000) ? error.substring(0, 1000) : error);
		}
	}

	private void record(UUID token, SchoolYear year, String actor, List<Result> results) {
		this.transactions.executeWithoutResult((status) -> {
			this.jdbc.batchUpdate("""
					insert into reminder (batch, unit_id, school_year, address, sent_by, sent_at, outcome, error)
					values (?, ?, ?, ?, ?, ?, ?, ?)
					""", results, 500, (ps, r) -> {
				ps.setObject(1, token);
				ps.setLong(2, r.unitId());
				ps.setInt(3, year.startYear());
				ps.setString(4, r.address());
				ps.setString(5, actor);
				ps.setTimestamp(6, Timestamp.from(r.at()));
				ps.setString(7, (r.error() == null) ? "SENT" : "FAILED");
				ps.setString(8, r.error());
			});
			var byUnit = new LinkedHashMap<Long, int[]>();
			for (var r : results) {
				byUnit.computeIfAbsent(r.unitId(), (k) -> new int[2])[(r.error() == null) ? 0 : 1]++;
			}
			var records = new ArrayList<AuditRecord>();
			byUnit.forEach((unitId,
					counts) -> records.add(AuditRecord.of(ACTION, "school", String.valueOf(unitId))
						.withUnit(unitId, year.startYear())
						.withDetail("sent " + counts[0] + ", failed " + counts[1])));
			if (!records.isEmpty()) {
				this.audit.record(actor, records);
			}
		});
	}

	private Message render(LateUnit unit, SchoolYear year, LocalDate today, String base) {
		var context = new Context(Locale.forLanguageTag("vi"));
		long daysLeft = new ReportingDeadline(unit.deadline()).daysLeft(today);
		context.setVariable("unitName", unit.school().name());
		context.setVariable("year", year.label());
		context.setVariable("deadline", DATE.format(unit.deadline()));
		context.setVariable("daysLeft", Math.max(daysLeft, 0));
		context.setVariable("daysLate", Math.max(-daysLeft, 0));
		context.setVariable("link", base + "/schools/" + unit.school().id() + "/figures/" + year.label());
		var text = this.templates.process("reminder", context).replace("\r\n", "\n");
		int blank = text.indexOf("\n\n");
		return new Message(text.substring(0, blank).strip(), text.substring(blank + 2));
	}

	/**
	 * The late schools that still owe their report: one sent after the deadline needs no
	 * reminder.
	 */
	private List<LateUnit> owing(SchoolYear year, LocalDate today) {
		return this.lateUnits.find(year, today).stream().filter((u) -> !u.sentLate()).toList();
	}

	/**
	 * The e-mail addresses of the active school and ward users, by unit.
	 */
	private Map<Long, List<String>> addresses() {
		var byUnit = new LinkedHashMap<Long, List<String>>();
		for (UserSummary user : this.users.all()) {
			if (!user.enabled() || user.unitId() == null || (user.role() != Role.SCHOOL && user.role() != Role.WARD)
					|| user.contact() == null || !EMAIL.matcher(user.contact().strip()).matches()) {
				continue;
			}
			var list = byUnit.computeIfAbsent(user.unitId(), (k) -> new ArrayList<>());
			var address = user.contact().strip();
			if (!list.contains(address)) {
				list.add(address);
			}
		}
		return byUnit;
	}

	/**
	 * The last reminder batch of every school of a year.
	 */
	private Map<Long, Last> lastReminders(SchoolYear year) {
		var last = new LinkedHashMap<Long, Last>();
		this.jdbc.query("""
				select r.unit_id, r.sent_at, r.outcome, r.address, r.error
				from reminder r
				where r.school_year = ?
				  and r.batch = (select r2.batch from reminder r2
				                 where r2.school_year = r.school_year and r2.unit_id = r.unit_id
				                 order by r2.sent_at desc, r2.id desc limit 1)
				order by r.unit_id, r.id
				""", (rs) -> {
			long unitId = rs.getLong("unit_id");
			var at = rs.getTimestamp("sent_at").toInstant();
			var entry = last.computeIfAbsent(unitId, (k) -> new Last(at, new int[2], new ArrayList<>()));
			boolean failed = "FAILED".equals(rs.getString("outcome"));
			entry.counts()[failed ? 1 : 0]++;
			if (failed) {
				entry.errorList().add(rs.getString("address") + ": " + rs.getString("error"));
			}
		}, year.startYear());
		return last;
	}

	private record Result(long unitId, String address, Instant at, String error) {
	}

	private record Message(String subject, String body) {
	}

	private record Last(Instant at, int[] counts, List<String> errorList) {

		int sent() {
			return this.counts[0];
		}

		int failed() {
			return this.counts[1];
		}

		List<String> errors() {
			return this.errorList;
		}

	}

}
