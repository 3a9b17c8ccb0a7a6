package vn.chitieu.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Predicate;

import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds an export from one snapshot of the data, then sends it: the workbook is filled
 * in one read-only transaction (every figure as of the same moment), which ends before
 * the file goes to the browser, so that a slow download — a phone on a poor connection —
 * holds no database connection and no transaction open.
 * <p>
 * The workbook keeps a window of {@value #WINDOW} rows in memory and spills the rest to a
 * temporary file, deleted when it is closed.
 */
@Component
class Snapshots {

	static final int WINDOW = 200;

	private final TransactionTemplate transactions;

	Snapshots(PlatformTransactionManager transactionManager) {
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setReadOnly(true);
		this.transactions.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
	}

	/**
	 * @param out where to write the .xlsx once it is built
	 * @param build fills the workbook, inside the snapshot; false when there is nothing
	 * to export (nothing is written then)
	 * @return what {@code build} answered
	 * @throws IOException if writing fails
	 */
	boolean write(OutputStream out, Predicate<SXSSFWorkbook> build) throws IOException {
		try (var workbook = new SXSSFWorkbook(WINDOW)) {
			if (!Boolean.TRUE.equals(this.transactions.execute((status) -> build.test(workbook)))) {
				return false;
			}
			workbook.write(out);
			return true;
		}
	}

}
