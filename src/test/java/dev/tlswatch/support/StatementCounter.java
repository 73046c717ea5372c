package dev.tlswatch.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Set;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import org.aopalliance.intercept.MethodInterceptor;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the SQL statements the calling thread prepares through the application's data
 * source while it runs a piece of code: the way to show that a page costs a fixed number
 * of queries, not one per row. Other threads (the scheduler, event listeners) are not
 * counted, so the count does not depend on what runs in the background. Import
 * {@link Configuration} into the test context; the data source keeps its type (a
 * class-based proxy), so code that inspects the pool still works.
 */
public final class StatementCounter {

	private static final Set<String> STATEMENT_METHODS = Set.of("prepareStatement", "prepareCall", "createStatement");

	private static final ThreadLocal<int[]> counting = new ThreadLocal<>();

	private StatementCounter() {
	}

	/**
	 * Run the code and count the statements it prepares on this thread.
	 * @param action the code
	 * @return how many statements it prepared
	 * @throws Exception what the code throws
	 */
	public static int count(Callable<?> action) throws Exception {
		int[] count = new int[1];
		counting.set(count);
		try {
			action.call();
		}
		finally {
			counting.remove();
		}
		return count[0];
	}

	private static Connection counted(Connection connection) {
		InvocationHandler handler = (proxy, method, args) -> {
			if (STATEMENT_METHODS.contains(method.getName())) {
				int[] count = counting.get();
				if (count != null) {
					count[0]++;
				}
			}
			try {
				return method.invoke(connection, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
		};
		return (Connection) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(),
				new Class<?>[] { Connection.class }, handler);
	}

	/** Wraps the application's data source so that its connections are counted. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		static BeanPostProcessor statementCountingDataSource() {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					if (!(bean instanceof DataSource)) {
						return bean;
					}
					ProxyFactory factory = new ProxyFactory(bean);
					factory.setProxyTargetClass(true);
					factory.addAdvice((MethodInterceptor) (invocation) -> {
						Object result = invocation.proceed();
						Method method = invocation.getMethod();
						return (method.getName().equals("getConnection") && result instanceof Connection connection)
								? counted(connection) : result;
					});
					return factory.getProxy();
				}

			};
		}

	}

}
