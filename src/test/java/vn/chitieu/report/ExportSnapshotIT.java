package vn.chitieu.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import vn.chitieu.orgunit.OrgUnits;
import vn.chitieu.orgunit.SchoolYear;
import vn.chitieu.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every export is built from one snapshot and sent after the snapshot's transaction has
 * ended: a slow download holds no database connection.
 */
@IntegrationTest
class ExportSnapshotIT {

	static final String PLAN = "KH-157-UBND-2022";

	static final SchoolYear YEAR = SchoolYear.of(2023);

	@Autowired
	OfficialReport official;

	@Autowired
	RawFigures raw;

	@Autowired
	SchoolReport school;

	@Autowired
	OrgUnits units;

	@Test
	void shouldSendTheOfficialReportOutsideAnyTransaction() throws IOException {
		var out = new WatchingStream();

		assertThat(this.official.write(PLAN, YEAR, false, out)).isTrue();

		out.assertWrittenOutsideTransactions();
	}

	@Test
	void shouldSendEveryFigureOfAYearOutsideAnyTransaction() throws IOException {
		var out = new WatchingStream();

		this.raw.write(YEAR, out);

		out.assertWrittenOutsideTransactions();
	}

	@Test
	void shouldSendASchoolsSheetOutsideAnyTransaction() throws IOException {
		var out = new WatchingStream();
		var school = this.units.schoolByCode("THCS-PHUCDONG").orElseThrow();

		assertThat(this.school.write(PLAN, school, YEAR, false, out)).isTrue();

		out.assertWrittenOutsideTransactions();
	}

	@Test
	void shouldWriteNothingForAnUnknownPlan() throws IOException {
		var out = new WatchingStream();

		assertThat(this.official.write("NO-SUCH-PLAN", YEAR, false, out)).isFalse();

		assertThat(out.bytes.size()).isZero();
	}

	/** Records, at every write, whether a transaction was open. */
	private static final class WatchingStream extends OutputStream {

		final List<Boolean> inTransaction = new ArrayList<>();

		final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();

		@Override
		public void write(int b) {
			this.inTransaction.add(TransactionSynchronizationManager.isActualTransactionActive());
			this.bytes.write(b);
		}

		@Override
		public void write(byte[] b, int off, int len) {
			this.inTransaction.add(TransactionSynchronizationManager.isActualTransactionActive());
			this.bytes.write(b, off, len);
		}

		void assertWrittenOutsideTransactions() throws IOException {
			assertThat(this.inTransaction).isNotEmpty().containsOnly(false);
			try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(this.bytes.toByteArray()))) {
				assertThat(workbook.getNumberOfSheets()).isPositive();
				assertThat(workbook.getSheetAt(0).getPhysicalNumberOfRows()).isGreaterThan(3);
			}
		}

	}

}
