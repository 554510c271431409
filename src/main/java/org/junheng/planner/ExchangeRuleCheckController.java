package org.junheng.planner;

import java.util.Locale;

import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** {@code ExchangeRuleCheck.detail} in the reader's language. */
@Controller
class ExchangeRuleCheckController {

	@SchemaMapping(typeName = "ExchangeRuleCheck")
	String detail(RuleCheck check, Locale locale) {
		return check.detail().in(locale);
	}

}
