package org.junheng.system;

import java.util.List;
import java.util.Locale;

import graphql.i18n.I18n;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * graphql-java reads its message bundles from its jar the first time a request needs them; on a
 * Netty thread that is a blocking file read. Loading them here, on the main thread before the
 * server opens, leaves only cache hits for requests. The locales are those graphql-java ships
 * bundles for, plus the ones bureaus use.
 */
@Component
class GraphQlMessagesWarmUp implements SmartInitializingSingleton {

	private static final List<Locale> LOCALES = List.of(Locale.ROOT, Locale.getDefault(), Locale.ENGLISH, Locale.CHINESE,
			Locale.SIMPLIFIED_CHINESE, Locale.GERMAN, Locale.forLanguageTag("nl"));

	@Override
	public void afterSingletonsInstantiated() {
		for (I18n.BundleType type : I18n.BundleType.values()) {
			for (Locale locale : LOCALES) {
				I18n.i18n(type, locale);
			}
		}
	}

}
